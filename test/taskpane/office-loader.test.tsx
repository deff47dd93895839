/**
 * @jest-environment jsdom
 *
 * The task pane never stays blank waiting for office.js (src/taskpane/office-loader.ts): an unreachable CDN (a
 * request that hangs, as on a closed network) gives the "Office.js could not be loaded" message after
 * OFFICE_JS_TIMEOUT_MS, an Excel that never answers gives its own message, and a late answer still opens the pane.
 * The browser test (test/e2e/taskpane.test.ts) does the same against the built page with the CDN blocked.
 */
import { act, render, screen } from "@testing-library/react";
import type { ReactNode } from "react";
import { connectWithTimeouts, OFFICE_JS_ID, OFFICE_JS_TIMEOUT_MS, OFFICE_READY_TIMEOUT_MS, type Waiting } from "../../src/taskpane/office-loader";
import { OutsideExcel } from "../../src/taskpane/OutsideExcel";
import { Root } from "../../src/taskpane/Root";

type Outcome = { ok: true } | { ok: false; reason: "no-office-js" | "not-excel" };
const FAILED: Outcome = { ok: false, reason: "no-office-js" };

interface W {
  Office?: unknown;
  chosahyoOfficeJs?: { state: string };
}
const w = window as unknown as W;

/** taskpane.html's office.js <script>, still loading (boot.js's record says so too). */
function officeScript(): HTMLScriptElement {
  const s = document.createElement("script");
  s.id = OFFICE_JS_ID;
  document.head.append(s);
  w.chosahyoOfficeJs = { state: "loading" };
  return s;
}

function loaded(script: HTMLScriptElement) {
  w.Office = {};
  w.chosahyoOfficeJs = { state: "loaded" };
  script.dispatchEvent(new Event("load"));
}

/** Starts the wait; `rendered` collects every render in order. */
function start(connect: () => Promise<Outcome>) {
  const rendered: (Outcome | Waiting)[] = [];
  // As if the bundle ran right at navigation start (the e2e test measures the real page).
  const done = connectWithTimeouts<Outcome>({ connect, render: (s) => rendered.push(s), failed: FAILED, elapsedMs: 0 });
  return { rendered, done };
}

/** Lets pending promise callbacks run (fake timers do not run them). */
const settle = async () => {
  for (let i = 0; i < 5; i++) await Promise.resolve();
};

beforeEach(() => {
  jest.useFakeTimers();
  document.head.innerHTML = "";
  delete w.Office;
  delete w.chosahyoOfficeJs;
});
afterEach(() => {
  jest.useRealTimers();
});

test("office.js hanging (the CDN unreachable): the 'could not be loaded' message after a few seconds, not later", async () => {
  officeScript();
  const connect = jest.fn(async (): Promise<Outcome> => ({ ok: true }));
  const { rendered } = start(connect);
  await jest.advanceTimersByTimeAsync(OFFICE_JS_TIMEOUT_MS - 1);
  expect(rendered).toEqual([]);
  await jest.advanceTimersByTimeAsync(1);
  expect(rendered).toEqual([{ ok: false, reason: "no-office-js", waiting: true }]);
  expect(OFFICE_JS_TIMEOUT_MS).toBeLessThanOrEqual(3000);
  await jest.advanceTimersByTimeAsync(60000);
  expect(rendered).toHaveLength(1);
  expect(connect).not.toHaveBeenCalled();
});

test("the wait counts from the page's navigation: a bundle that ran late shows the message sooner", async () => {
  officeScript();
  const rendered: (Outcome | Waiting)[] = [];
  void connectWithTimeouts<Outcome>({ connect: async () => ({ ok: true }), render: (s) => rendered.push(s), failed: FAILED, elapsedMs: 2500 });
  await jest.advanceTimersByTimeAsync(OFFICE_JS_TIMEOUT_MS - 2500);
  expect(rendered).toEqual([{ ok: false, reason: "no-office-js", waiting: true }]);
});

test("office.js arriving late after all: the message first, then the pane", async () => {
  const script = officeScript();
  const { rendered, done } = start(async () => ({ ok: true }));
  await jest.advanceTimersByTimeAsync(OFFICE_JS_TIMEOUT_MS + 2000);
  loaded(script);
  await done;
  expect(rendered).toEqual([{ ok: false, reason: "no-office-js", waiting: true }, { ok: true }]);
});

test("office.js failing (blocked, offline): the message at once", async () => {
  const script = officeScript();
  const { rendered, done } = start(async () => ({ ok: true }));
  script.dispatchEvent(new Event("error"));
  await done;
  expect(rendered).toEqual([FAILED]);
});

test("office.js failed before the pane's script ran (boot.js noted it): the message at once", async () => {
  officeScript();
  w.chosahyoOfficeJs = { state: "failed" };
  const { rendered, done } = start(async () => ({ ok: true }));
  await done;
  expect(rendered).toEqual([FAILED]);
});

test("office.js loaded before the pane's script ran, Excel answering: the pane, with no message first", async () => {
  officeScript();
  w.Office = {};
  const { rendered, done } = start(async () => ({ ok: true }));
  await done;
  expect(rendered).toEqual([{ ok: true }]);
});

test("office.js loaded but Excel never answering (the host file missing on a self-hosted office.js): its own message", async () => {
  const script = officeScript();
  let answer: (o: Outcome) => void = () => undefined;
  const { rendered, done } = start(() => new Promise<Outcome>((resolve) => (answer = resolve)));
  await jest.advanceTimersByTimeAsync(1000);
  loaded(script);
  await settle();
  await jest.advanceTimersByTimeAsync(OFFICE_READY_TIMEOUT_MS - 1);
  expect(rendered).toEqual([]);
  await jest.advanceTimersByTimeAsync(1);
  expect(rendered).toEqual([{ ok: false, reason: "office-not-ready", waiting: true }]);
  answer({ ok: true });
  await done;
  expect(rendered.at(-1)).toEqual({ ok: true });
});

test("a connection that throws is the 'could not be loaded' outcome", async () => {
  officeScript();
  w.Office = {};
  const { rendered, done } = start(async () => {
    throw new Error("Office.onReady failed");
  });
  await done;
  expect(rendered).toEqual([FAILED]);
});

describe("the messages", () => {
  beforeEach(() => jest.useRealTimers());
  const show = (node: ReactNode, lang: "ja" | "en" = "ja") =>
    render(
      <Root initialLang={lang} theme="light">
        {node}
      </Root>,
    );

  test("office.js not loaded, still waiting: says so and that the pane opens if it comes", () => {
    show(<OutsideExcel reason="no-office-js" waiting />);
    const bar = screen.getByTestId("outside-excel");
    expect(bar.getAttribute("data-reason")).toBe("no-office-js");
    expect(bar.textContent).toContain("Office.js を読み込めなかったため、Excel に接続できません。");
    expect(bar.textContent).toContain("つながればすぐに作業ウィンドウを開きます");
  });

  test("Excel not answering: names the files a self-hosted office.js needs beside it, in English too", () => {
    show(<OutsideExcel reason="office-not-ready" waiting />, "en");
    const text = screen.getByTestId("outside-excel").textContent ?? "";
    expect(text).toContain("Excel is not answering.");
    expect(text).toContain("excel-win32-16.01.js");
    expect(text).toContain("ja-jp/office_strings.js");
    expect(screen.getByRole("link", { name: "Open the browser checker" }).getAttribute("href")).toBe("demo.html");
  });

  test("outside Excel: no waiting line", () => {
    act(() => {
      show(<OutsideExcel reason="not-excel" />);
    });
    expect(screen.getByTestId("outside-excel").textContent).not.toContain("つながれば");
  });
});
