/**
 * @jest-environment node
 *
 * Issue 12, guard "undo and staleness": the adapter tells the pane when the user changes the workbook after a check
 * (WorksheetCollection.onChanged, ExcelApi 1.9), and not when the change is the add-in's own write.
 */
import { text } from "../../src/core/sheet-spec";
import { FakeBook } from "../fakes/excel-fake";
import { rig } from "./office-helpers";

const spec = { name: "検証結果", cells: [{ row: 0, col: 0, value: text("x") }], styles: {}, merges: [] };
const tick = (ms = 10) => new Promise((resolve) => setTimeout(resolve, ms));

function book(): FakeBook {
  const b = new FakeBook();
  b.addSheet("No.1").put(7, 5, "Ａ");
  return b;
}

test("利用者がセルを変えると知らせ、アドイン自身の書き込み(triggerSource が ThisLocalAddin)では知らせない。止めた後は知らせない", async () => {
  const { fake, book: wb } = rig(book());
  let changes = 0;
  const stop = await wb.watchChanges!(() => changes++);
  expect(stop).toBeDefined();
  await wb.writeOwnedSheet(spec);
  await wb.writeSettings({ stage: "提出前" });
  await tick();
  expect(changes).toBe(0);
  fake.userEdit("No.1", "F8", "A");
  await tick();
  expect(changes).toBe(1);
  stop!();
  fake.userEdit("No.1", "F9", "B");
  await tick();
  expect(changes).toBe(1);
});

test("共同編集の相手が設定シートに書いたら、キャッシュした設定を捨て、次の書き込みで相手の設定を消さない", async () => {
  const { fake, book: wb } = rig(book());
  await wb.writeSettings({ stage: "提出前" });
  await wb.readAll();
  let changes = 0;
  await wb.watchChanges!(() => changes++);
  const settings = fake.book.sheet("_chosahyo")!;
  let row = 0;
  while (settings.get(row, 0)) row++;
  fake.coauthorEdit("_chosahyo", `A${row + 1}`, "fiscalYear");
  fake.coauthorEdit("_chosahyo", `B${row + 1}`, "2023");
  await tick();
  expect(changes).toBe(2);
  await wb.writeSettings({ stage: "本部評価後" });
  expect(await wb.readSettings()).toMatchObject({ stage: "本部評価後", fiscalYear: "2023" });
});

test("triggerSource のない Excel (1.14 未満) では、アドインが書いている間と書いた直後の変更は自分のものとして数えない", async () => {
  // A quiet window well above what a write and a tick take on a busy machine (50 ms failed under load).
  const { fake, book: wb } = rig(book(), { apiVersion: "1.12", quietMs: 500 });
  let changes = 0;
  await wb.watchChanges!(() => changes++);
  await wb.writeOwnedSheet(spec);
  await tick();
  expect(changes).toBe(0);
  await tick(550);
  fake.userEdit("No.1", "F8", "A");
  await tick();
  expect(changes).toBe(1);
});

test("イベントのない Excel (1.9 未満) では見張らない(失敗もしない)", async () => {
  const { fake, book: wb } = rig(book(), { apiVersion: "1.8" });
  expect(await wb.watchChanges!(() => undefined)).toBeUndefined();
  expect(fake.syncCount).toBe(0);
});
