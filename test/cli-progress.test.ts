/**
 * @jest-environment node
 *
 * The progress bar: drawn on a terminal for a big job, never when the output is piped or redirected.
 */
import { main } from "../src/cli/main";
import { collector } from "./helpers/cli";

function terminal(isTTY: boolean) {
  const c = collector();
  (c.stream as { isTTY?: boolean }).isTTY = isTTY;
  return c;
}

test("端末では59シートの検証に進捗バーを表示し、最後に消す", async () => {
  const out = terminal(false);
  const err = terminal(true);
  await main(["validate", "seeds/kodaira-h29.xlsx"], { stdout: out.stream, stderr: err.stream });
  expect(err.text()).toContain("59 / 59 シート");
  expect(err.text()).toMatch(/█/);
  expect(err.text().endsWith("\r\u001b[K")).toBe(true); // the bar is cleared before the report
  expect(out.text()).not.toMatch(/█/);
});

test("出力が端末でなければ進捗バーは出さない", async () => {
  const out = terminal(false);
  const err = terminal(false);
  await main(["validate", "seeds/kodaira-h29.xlsx"], { stdout: out.stream, stderr: err.stream });
  expect(err.text()).toBe("");
});

test("--no-progress では端末でも出さない", async () => {
  const out = terminal(false);
  const err = terminal(true);
  await main(["validate", "seeds/kodaira-h29.xlsx", "--no-progress"], { stdout: out.stream, stderr: err.stream });
  expect(err.text()).toBe("");
});
