/**
 * @jest-environment jsdom
 *
 * The pane's components in jsdom: cell text stays text, keyboard navigation, the fix preview.
 */
import { fireEvent, render, screen, within } from "@testing-library/react";
import type { ReactNode } from "react";
import type { Lang } from "../../src/core/i18n";
import type { Finding } from "../../src/core/model/finding";
import { FindingList } from "../../src/taskpane/components/FindingList";
import { FixPreview } from "../../src/taskpane/components/FixPreview";
import { editsOfRule, formatEdit } from "../../src/taskpane/format";
import { Root } from "../../src/taskpane/Root";

function wrap(children: ReactNode, lang: Lang = "ja") {
  return render(
    <Root initialLang={lang} theme="light">
      {children}
    </Root>,
  );
}

function finding(over: Partial<Finding> & Pick<Finding, "sheet" | "cell">): Finding {
  return {
    ruleId: "TEXT-HTML",
    severity: "warning",
    message: { ja: "メッセージ", en: "message" },
    ...over,
  };
}

const variant = (sheet: string, cell: string, before = "Ａ", after = "A"): Finding =>
  finding({
    sheet,
    cell,
    ruleId: "CODE-VARIANT",
    message: { ja: `1次評価の「${before}」は「${after}」と書くのが正しい形です。`, en: "variant" },
    fix: { description: { ja: `「${before}」を「${after}」に直す`, en: "fix" }, edits: [{ sheet, cell, before, after }] },
  });

test("セルの <p> や <ul style=…> は文字のまま表示され、HTML として描かれない", () => {
  const cellText = '<ul style="list-style-type: none"><li>市民活動</li></ul><p>段落</p>';
  const f = finding({ sheet: "No.1", cell: "A12", message: { ja: `当初予定(P)に「${cellText}」`, en: cellText } });
  const { container } = wrap(<FindingList findings={[f]} onSelect={() => undefined} />);
  const item = screen.getByRole("button", { name: /A12/ });
  expect(item.textContent).toContain(cellText);
  expect(container.querySelector("[data-testid=finding-list] ul[style], [data-testid=finding-list] p, [data-testid=finding-list] li li")).toBeNull();
  expect(item.querySelector("ul, li, p")).toBeNull();
});

test("指摘には規則を名前で示し（HTMLタグの残り）、規則の ID はツールチップに残す", () => {
  wrap(<FindingList findings={[finding({ sheet: "No.1", cell: "A12" }), variant("No.1", "D12")]} onSelect={() => undefined} />);
  const html = screen.getByRole("button", { name: /A12/ });
  expect(html.textContent).toContain("HTMLタグの残り");
  expect(html.textContent).not.toContain("TEXT-HTML");
  expect(within(html).getByTitle("TEXT-HTML").textContent).toBe("HTMLタグの残り");
  expect(screen.getByRole("button", { name: /D12/ }).textContent).toContain("記号の表記ゆれ");
});

test("指摘はシートごと・重要度ごとにまとまり、件数が付く", () => {
  const fs = [
    finding({ sheet: "No.1", cell: "A1", severity: "error", ruleId: "REQUIRED-MISSING" }),
    finding({ sheet: "No.1", cell: "A2" }),
    finding({ sheet: "No.1", cell: "A3" }),
    finding({ sheet: "No.2", cell: "B1", severity: "info", ruleId: "IND-WORSE-THAN-BASELINE" }),
  ];
  wrap(<FindingList findings={fs} onSelect={() => undefined} />);
  const no1 = screen.getByRole("region", { name: "No.1" });
  expect(within(no1).getByRole("heading", { level: 3, name: "エラー（1 件）" })).toBeTruthy();
  expect(within(no1).getByRole("heading", { level: 3, name: "警告（2 件）" })).toBeTruthy();
  expect(within(no1).getAllByRole("button")).toHaveLength(3);
  const no2 = screen.getByRole("region", { name: "No.2" });
  expect(within(no2).getByRole("heading", { level: 3, name: "情報（1 件）" })).toBeTruthy();
});

test("↑↓・Home・End で指摘を移動し、Enter（クリック）でセルを選ぶ", () => {
  const fs = [finding({ sheet: "S", cell: "A1" }), finding({ sheet: "S", cell: "A2" }), finding({ sheet: "S", cell: "A3" }), finding({ sheet: "T", cell: "B9" })];
  const selected: Finding[] = [];
  wrap(<FindingList findings={fs} onSelect={(f) => selected.push(f)} />);
  const buttons = screen.getAllByRole("button");
  // One tab stop: the first finding.
  expect(buttons.map((b) => b.tabIndex)).toEqual([0, -1, -1, -1]);
  buttons[0].focus();
  fireEvent.keyDown(buttons[0], { key: "ArrowDown" });
  expect(document.activeElement).toBe(buttons[1]);
  fireEvent.keyDown(buttons[1], { key: "End" });
  expect(document.activeElement).toBe(buttons[3]); // across sheets
  fireEvent.keyDown(buttons[3], { key: "ArrowDown" });
  expect(document.activeElement).toBe(buttons[3]); // stays at the end
  fireEvent.keyDown(buttons[3], { key: "Home" });
  expect(document.activeElement).toBe(buttons[0]);
  fireEvent.keyDown(buttons[0], { key: "ArrowUp" });
  expect(document.activeElement).toBe(buttons[0]);
  fireEvent.keyDown(buttons[0], { key: "ArrowDown" });
  expect(buttons.map((b) => b.tabIndex)).toEqual([-1, 0, -1, -1]);
  // A native button: Enter and Space click it.
  fireEvent.click(document.activeElement!);
  expect(selected.map((f) => f.cell)).toEqual(["A2"]);
});

test("修正候補は `D12: Ａ → A` の形で示し、1件ずつ、または規則ごとにまとめて適用する", () => {
  const fs = [variant("No.1", "D12"), variant("No.2", "E5", "ａ", "A"), variant("No.3", "F7", "Ｂ ", "B")];
  const applied: (readonly { cell: string }[])[] = [];
  wrap(<FixPreview finding={fs[0]} ruleEdits={editsOfRule(fs, "CODE-VARIANT")} onApply={(e) => applied.push(e)} />);
  expect(screen.getByTestId("edit").textContent).toBe("D12: Ａ → A");
  fireEvent.click(screen.getByRole("button", { name: "この修正を適用" }));
  expect(applied).toEqual([[{ sheet: "No.1", cell: "D12", before: "Ａ", after: "A" }]]);

  fireEvent.click(screen.getByRole("button", { name: "「記号の表記ゆれ」の修正をまとめて適用（3 件）…" }));
  const group = screen.getByRole("group", { name: "「記号の表記ゆれ」の修正の一括適用" });
  expect(within(group).getAllByTestId("edit").map((e) => e.textContent)).toEqual(["No.1!D12: Ａ → A", "No.2!E5: ａ → A", "No.3!F7: Ｂ  → B"]);
  fireEvent.click(within(group).getByRole("button", { name: "3 セルに適用" }));
  expect(applied[1].map((e) => e.cell)).toEqual(["D12", "E5", "F7"]);
});

test("空欄は（空欄）と示し、長い値は切り詰める", () => {
  expect(formatEdit("ja", { sheet: "S", cell: "C3", before: " ", after: "" }, "S")).toBe("C3:   → （空欄）");
  expect(formatEdit("ja", { sheet: "No.2", cell: "C3", before: "ａ", after: "A" }, "S")).toBe("No.2!C3: ａ → A");
  expect(formatEdit("en", { sheet: "S", cell: "C3", before: "x", after: "" }, "S")).toBe("C3: x → (blank)");
  expect(formatEdit("ja", { sheet: "S", cell: "C3", before: "あ".repeat(300), after: "い" }, "S")).toBe(`C3: ${"あ".repeat(200)}… → い`);
});
