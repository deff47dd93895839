/**
 * 例示市's own 調査票 (docs/profiles.md, worked example): the 小平 sheet with the city's headings. The built-in
 * profile does not read it; docs/examples/example-city-chosahyo.json does.
 */
import type { SheetGrid } from "../../src/core/model/grid";
import type { SheetSpec } from "../../src/core/sheet-spec";
import { surveySheetSpec } from "../../src/core/template/kodaira-chosahyo";
import { kodairaSurveyInputs } from "../../scripts/seeds/kodaira";
import { specToGrid } from "./grid";

/** Standard heading → 例示市's heading; the whole cell text is replaced. */
const RELABEL: Record<string, string> = {
  "第3次行財政再構築進捗状況調査票（平成29年度末）": "例示市行財政改革取組状況調査票（平成29年度）",
  "取り組み項目・内容": "取組名・内容",
  "指標": "成果指標",
  "現状値 (計画初期値)\n平成29年3月末": "基準値 (平成29年3月末)",
  "下半期値\n平成30年3月末": "実績値 (平成30年3月末)",
  "平成29年度 当初予定(P)": "平成29年度 当初計画",
  "所管課": "担当課",
  "取組実績(D)": "実施結果",
  "1次評価(C)": "自己評価",
  "2次評価(C)": "本部評価",
  "来年度に向けての課題と今後の取組(A)": "課題と今後の方向性",
};

export function exampleCitySheet(id = "3", name = "例示市_3"): { standard: SheetGrid; relabelled: SheetGrid; relabelledSpec: SheetSpec } {
  const input = kodairaSurveyInputs().find((i) => i.id === id)!;
  const spec = surveySheetSpec({ ...input, sheetName: name });
  const seen = new Set<string>();
  const relabelled: SheetSpec = {
    ...spec,
    cells: spec.cells.map((c) => {
      if (c.value.t !== "text") return c;
      const v = String(c.value.v);
      if (RELABEL[v] !== undefined) {
        seen.add(v);
        return { ...c, value: { t: "text" as const, v: RELABEL[v] } };
      }
      if (v.includes("<目的・ねらい>")) {
        seen.add("<目的・ねらい>");
        return { ...c, value: { t: "text" as const, v: v.replace("<目的・ねらい>", "【目的】") } };
      }
      return c;
    }),
  };
  // The template changing under this helper must fail loudly, not leave a half-relabelled sheet.
  const missing = [...Object.keys(RELABEL), "<目的・ねらい>"].filter((k) => !seen.has(k));
  if (missing.length) throw new Error(`template no longer has: ${missing.join(", ")}`);
  return { standard: specToGrid(spec), relabelled: specToGrid(relabelled), relabelledSpec: relabelled };
}
