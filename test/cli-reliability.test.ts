/**
 * @jest-environment node
 *
 * Reliability (bad input, and nothing lost), the CLI part. Every bad input gives exit code 2 and ONE line
 * on stderr naming the file and the problem, in Japanese by default and in English with `--lang en`, never a stack
 * trace; `--json` carries the same failure as `error: {code, message}`; and input files are never written.
 *
 * Most cases run in-process through `main(argv, io)`; a few spawn `node bin/chosahyo.js` as a user would.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, truncateSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { cli, type Run } from "./helpers/cli";
import { t, type Lang, type MessageKey, type MessageParams } from "../src/core/i18n";
import { t as cliT } from "../src/cli/i18n";
import { MAX_FILE_BYTES } from "../src/workbook/xlsx/sniff";
import { encryptedXlsxFixture, legacyXlsFixture } from "./helpers/cfb";

const ROOT = path.join(__dirname, "..");
const SEED = path.join(ROOT, "seeds", "kodaira-h29.xlsx");
const BIN = path.join(ROOT, "bin", "chosahyo.js");

/** Hiragana, katakana or kanji: a message part with none of these is not Japanese. */
const JAPANESE = /[\u3040-\u30ff\u3400-\u9fff]/;
/** A stack frame, or an exception's "Error:" / "TypeError:" prefix. */
const STACK_FRAME = /^\s+at\s/;
const ERROR_PREFIX = /^\s*[A-Za-z]*Error:/;


function spawnCli(argv: readonly string[]): Run {
  const r = spawnSync(process.execPath, [BIN, ...argv], { cwd: ROOT, encoding: "utf8", timeout: 60_000 });
  if (r.error) throw r.error;
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

function lines(text: string): string[] {
  return text.split(/\r?\n/).filter((l) => l.trim() !== "");
}

function expectNoStackTrace(run: Run): void {
  for (const l of [...lines(run.stdout), ...lines(run.stderr)]) {
    expect(l).not.toMatch(STACK_FRAME);
    expect(l).not.toMatch(ERROR_PREFIX);
    expect(l).not.toContain("WorkbookError");
  }
}

/** The one stderr line; it must start with the file's path, then the message. Returns the message part. */
function expectOneLineNamingFile(run: Run, file: string): string {
  const errLines = lines(run.stderr);
  expect(errLines).toHaveLength(1);
  const [line] = errLines;
  expect(line.startsWith(`${file}: `)).toBe(true);
  return line.slice(file.length + 2);
}

function expectLanguage(message: string, lang: Lang): void {
  if (lang === "ja") expect(message).toMatch(JAPANESE);
  else expect(message).not.toMatch(JAPANESE);
}

interface BadFile {
  readonly title: string;
  /** File name inside the temp folder. */
  readonly name: string;
  readonly code: string;
  readonly key: MessageKey;
  readonly params?: MessageParams;
  /** What the message must say, in each language: the problem, in words a user knows. */
  readonly says: Record<Lang, RegExp>;
}

const BAD_FILES: readonly BadFile[] = [
  { title: "an empty file (0 bytes)", name: "x.xlsx", code: "empty-file", key: "error.empty-file", says: { ja: /空/, en: /empty/i } },
  {
    title: "a truncated zip (first half of a real workbook)",
    name: "途中まで.xlsx",
    code: "corrupt",
    key: "error.corrupt",
    says: { ja: /壊れ|途中/, en: /damaged|not saved completely/i },
  },
  {
    title: "a plain-text file named .xlsx",
    name: "memo.xlsx",
    code: "not-a-workbook",
    key: "error.not-a-workbook",
    says: { ja: /Excel ブック|\.xlsx/, en: /not an Excel workbook/i },
  },
  {
    title: "a password-protected (encrypted) workbook",
    name: "locked.xlsx",
    code: "encrypted",
    key: "error.encrypted",
    says: { ja: /パスワード/, en: /password/i },
  },
  { title: "a legacy .xls workbook", name: "old.xls", code: "legacy-xls", key: "error.legacy-xls", says: { ja: /\.xls/, en: /\.xls/ } },
  {
    title: "a legacy .xls workbook renamed to .xlsx",
    name: "old-renamed.xlsx",
    code: "legacy-xls",
    key: "error.legacy-xls",
    says: { ja: /古い形式/, en: /legacy/i },
  },
  {
    title: "a .csv file",
    name: "data.csv",
    code: "not-a-workbook",
    key: "error.not-a-workbook.csv",
    says: { ja: /CSV/, en: /CSV/ },
  },
  {
    title: "a workbook with no recognisable sheet (an address book)",
    name: "住所録.xlsx",
    code: "no-recognised-sheet",
    key: "error.no-recognised-sheet",
    params: { count: 1 },
    says: { ja: /調査票として認識できるシートがありません/, en: /No sheet could be recognised/ },
  },
  {
    title: `a file over the size limit (${MAX_FILE_BYTES} bytes)`,
    name: "huge.xlsx",
    code: "too-large",
    key: "error.too-large",
    params: { limit: Math.round(MAX_FILE_BYTES / 1024 / 1024) },
    says: { ja: /大きすぎ/, en: /too large/i },
  },
  { title: "a path that does not exist", name: "no-such-file.xlsx", code: "not-found", key: "error.not-found", says: { ja: /見つかりません/, en: /not found/i } },
  {
    title: "a folder with no workbook in it (a CSV and a text note)",
    name: "old-files",
    code: "empty-folder",
    key: "error.empty-folder",
    says: { ja: /フォルダー/, en: /folder/i },
  },
];

let dir: string;
const at = (name: string) => path.join(dir, name);

async function addressBook(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("住所録");
  ws.addRow(["氏名", "ふりがな", "郵便番号", "住所", "電話番号"]);
  ws.addRow(["山田 太郎", "やまだ たろう", "187-0001", "東京都小平市大沼町1-2-3", "042-000-0001"]);
  ws.addRow(["佐藤 花子", "さとう はなこ", "187-0002", "東京都小平市花小金井4-5-6", "042-000-0002"]);
  ws.addRow(["鈴木 一郎", "すずき いちろう", "187-0003", "東京都小平市小川町7-8-9", "042-000-0003"]);
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), "chosahyo-reliability-"));
  const seed = readFileSync(SEED);
  writeFileSync(at("x.xlsx"), new Uint8Array(0));
  writeFileSync(at("途中まで.xlsx"), seed.subarray(0, Math.floor(seed.length / 2)));
  writeFileSync(at("memo.xlsx"), "提出日: 6月30日\r\n担当: 行政経営課\r\nThis is a plain text note, not a workbook.\r\n");
  writeFileSync(at("locked.xlsx"), encryptedXlsxFixture());
  writeFileSync(at("old.xls"), legacyXlsFixture());
  writeFileSync(at("old-renamed.xlsx"), legacyXlsFixture());
  writeFileSync(at("data.csv"), "No,取組項目,1次評価\r\n1,市民協働の推進,A\r\n2,ボランティア活動の推進,B\r\n");
  writeFileSync(at("住所録.xlsx"), await addressBook());
  writeFileSync(at("huge.xlsx"), new Uint8Array(0));
  truncateSync(at("huge.xlsx"), MAX_FILE_BYTES + 1); // sparse: no disk, no time
  mkdirSync(at("old-files"));
  // Not a workbook of any kind: a folder's .xls, .xlsb and .ods files are listed (checked, or told how to save as .xlsx).
  writeFileSync(at("old-files/h29.csv"), "a,b\r\n1,2\r\n");
  writeFileSync(at("old-files/メモ.txt"), "提出は6月30日まで\r\n");
  mkdirSync(at("xls-only"));
  writeFileSync(at("xls-only/h28.xls"), legacyXlsFixture());
  writeFileSync(at("not-json.json"), "id: my-profile\nname: 自分用プロファイル\n");
});

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe.each([
  ["ja", [] as string[]],
  ["en", ["--lang", "en"]],
] as const)("a bad input, %s messages: exit code 2 and one line on stderr naming the file and the problem", (lang, langArgs) => {
  test.each(BAD_FILES.map((c) => [c.title, c] as const))("%s", async (_title, c) => {
    const file = at(c.name);
    const run = await cli(["validate", file, ...langArgs]);
    expect(run.code).toBe(2);
    expectNoStackTrace(run);
    const message = expectOneLineNamingFile(run, file);
    expect(message).toBe(t(lang, c.key, c.params));
    expect(message).toMatch(c.says[lang]);
    expectLanguage(message, lang);
  });
});

describe("--json: a bad file is reported in the file's `error`, with its code, and still one line on stderr", () => {
  test.each(BAD_FILES.map((c) => [c.title, c] as const))("%s", async (_title, c) => {
    const file = at(c.name);
    for (const lang of ["ja", "en"] as const) {
      const run = await cli(["validate", file, "--json", "--lang", lang]);
      expect(run.code).toBe(2);
      expectNoStackTrace(run);
      const report = JSON.parse(run.stdout) as unknown;
      expect(report).toStrictEqual({
        files: [{ path: file, sheets: [], findings: [], error: { code: c.code, message: t(lang, c.key, c.params) } }],
      });
      expect(Object.keys((report as { files: object[] }).files[0])).toEqual(["path", "sheets", "findings", "error"]);
      expect(expectOneLineNamingFile(run, file)).toBe(t(lang, c.key, c.params));
    }
  });

  test("one good file and one bad file: exit code 2, the good file's findings are still there", async () => {
    const run = await cli(["validate", SEED, at("x.xlsx"), "--json"]);
    expect(run.code).toBe(2);
    expectNoStackTrace(run);
    const report = JSON.parse(run.stdout) as { files: { path: string; sheets: unknown[]; findings: { ruleId: string }[]; error: unknown }[] };
    expect(report.files.map((f) => f.path)).toEqual([SEED, at("x.xlsx")]);
    const [good, bad] = report.files;
    expect(good.error).toBeNull();
    expect(good.sheets).toHaveLength(59);
    expect(good.findings.length).toBeGreaterThan(0);
    expect(good.findings.some((f) => f.ruleId === "REQUIRED-MISSING")).toBe(true);
    expect(bad).toStrictEqual({ path: at("x.xlsx"), sheets: [], findings: [], error: { code: "empty-file", message: t("ja", "error.empty-file") } });
    expect(expectOneLineNamingFile(run, at("x.xlsx"))).toBe(t("ja", "error.empty-file"));
  });
});

describe("a folder holding only a legacy .xls", () => {
  test("names the .xls and says how to save it as .xlsx, rather than calling the folder empty", async () => {
    const run = await cli(["validate", at("xls-only")]);
    expect(run.code).toBe(2);
    expectNoStackTrace(run);
    expect(expectOneLineNamingFile(run, at("xls-only/h28.xls"))).toBe(t("ja", "error.legacy-xls"));
  });
});

describe("human output: a good file and a bad file together", () => {
  test("exit code 2, the good file's report is printed, the bad file gets one line on stderr", async () => {
    const run = await cli(["validate", SEED, at("locked.xlsx")]);
    expect(run.code).toBe(2);
    expectNoStackTrace(run);
    expect(run.stdout).toContain(`■ ${SEED}`);
    expect(run.stdout).toContain("認識したシート: 59");
    expect(run.stdout).toContain("REQUIRED-MISSING");
    expect(expectOneLineNamingFile(run, at("locked.xlsx"))).toBe(t("ja", "error.encrypted"));
  });
});

describe("bad command lines: exit code 2, one line on stderr, nothing on stdout", () => {
  test.each([
    ["ja", [] as string[], /不明なオプションです: --frobnicate/],
    ["en", ["--lang", "en"], /^Unknown option: --frobnicate$/],
  ] as const)("an unknown option (%s)", async (lang, langArgs, says) => {
    const run = await cli(["validate", SEED, "--frobnicate", ...langArgs]);
    expect(run.code).toBe(2);
    expectNoStackTrace(run);
    expect(run.stdout).toBe("");
    const errLines = lines(run.stderr);
    expect(errLines).toHaveLength(1);
    expect(errLines[0]).toMatch(says);
    expectLanguage(errLines[0], lang);
  });

  test.each([
    ["ja", [] as string[], "プロファイル", "JSON 形式になっていません"],
    ["en", ["--lang", "en"], "Profile", "is not valid JSON"],
  ] as const)("a --profile file that is not JSON (%s)", async (lang, langArgs, before, after) => {
    const profile = at("not-json.json");
    const run = await cli(["validate", SEED, "--profile", profile, ...langArgs]);
    expect(run.code).toBe(2);
    expectNoStackTrace(run);
    expect(run.stdout).toBe("");
    const errLines = lines(run.stderr);
    expect(errLines).toHaveLength(1);
    const [line] = errLines;
    expect(line).toContain(profile); // names the file
    expect(line).toContain(before);
    expect(line).toContain(after);
    expect(line).toMatch(/JSON/); // and the problem
    if (lang === "ja") expect(line).toMatch(JAPANESE);
  });
});

describe("the installed command (node bin/chosahyo.js), as a user runs it", () => {
  const spawned: readonly BadFile[] = BAD_FILES.filter((c) => ["x.xlsx", "locked.xlsx", "住所録.xlsx"].includes(c.name));

  test.each(spawned.map((c) => [c.title, c] as const))("%s: exit code 2, one Japanese line on stderr", (_title, c) => {
    const file = at(c.name);
    const run = spawnCli(["validate", file]);
    expect(run.code).toBe(2);
    expectNoStackTrace(run);
    const message = expectOneLineNamingFile(run, file);
    expect(message).toBe(t("ja", c.key, c.params));
    expectLanguage(message, "ja");
  });

  test.each(spawned.map((c) => [c.title, c] as const))("%s with --json --lang en: the error code on stdout, one English line on stderr", (_title, c) => {
    const file = at(c.name);
    const run = spawnCli(["validate", file, "--json", "--lang", "en"]);
    expect(run.code).toBe(2);
    expectNoStackTrace(run);
    const report = JSON.parse(run.stdout) as unknown;
    expect(report).toStrictEqual({ files: [{ path: file, sheets: [], findings: [], error: { code: c.code, message: t("en", c.key, c.params) } }] });
    const message = expectOneLineNamingFile(run, file);
    expect(message).toBe(t("en", c.key, c.params));
    expectLanguage(message, "en");
  });
});

describe("an output or profile that cannot be used: one line saying why in words, the system's code after them", () => {
  test.each([
    ["a folder that does not exist", "ja", (d: string) => path.join(d, "ない", "out.xlsx"), "フォルダーまたはファイルがありません: ENOENT"],
    ["a folder that does not exist", "en", (d: string) => path.join(d, "ない", "out.xlsx"), "no such folder or file: ENOENT"],
    ["a folder given as the file", "ja", (d: string) => d, "フォルダーです。ファイル名まで指定してください: EISDIR"],
    ["a folder given as the file", "en", (d: string) => d, "it is a folder; give a file name: EISDIR"],
  ] as const)("summarize -o %s (%s)", async (_what, lang, output, words) => {
    const d = mkdtempSync(path.join(os.tmpdir(), "chosahyo-out-"));
    try {
      const out = output(d);
      const run = await cli(["summarize", SEED, "-o", out, "--lang", lang]);
      expect(run.code).toBe(2);
      expect(lines(run.stderr)).toEqual([cliT(lang, "cli.summarize.output-unwritable", { path: out, reason: words })]);
      expect(readdirSync(d)).toEqual([]); // no half file, no temporary file left
    } finally {
      rmSync(d, { recursive: true, force: true });
    }
  });

  test("--profile naming a folder", async () => {
    const d = mkdtempSync(path.join(os.tmpdir(), "chosahyo-profile-"));
    try {
      const run = await cli(["validate", SEED, "--profile", d]);
      expect(run.code).toBe(2);
      expect(lines(run.stderr)).toEqual([`プロファイル ${d} を読み込めません（フォルダーです。ファイル名まで指定してください: EISDIR）。`]);
    } finally {
      rmSync(d, { recursive: true, force: true });
    }
  });
});

describe("output read in part: a reader that closes the pipe early (`| head`, `| true`)", () => {
  /** Runs the installed command into a pipe whose reader has already gone; its exit code and stderr. */
  function intoClosedPipe(argv: readonly string[]): { code: number; stderr: string } {
    const r = spawnSync("bash", ["-c", 'node "$@" | true; exit "${PIPESTATUS[0]}"', "bash", BIN, ...argv], { cwd: ROOT, encoding: "utf8", timeout: 60_000 });
    if (r.error) throw r.error;
    return { code: r.status ?? -1, stderr: r.stderr };
  }

  test("validate: the exit code still says what was found, and no stack trace", () => {
    const run = intoClosedPipe(["validate", SEED]);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(1);
  });

  test("split: every department's workbook is still written, and nothing on stderr", () => {
    const out = path.join(mkdtempSync(path.join(os.tmpdir(), "chosahyo-pipe-")), "配布");
    try {
      const run = intoClosedPipe(["split", SEED, "-o", out]);
      expect(run.stderr).toBe("");
      expect(run.code).toBe(0);
      expect(readdirSync(out).filter((n) => n.endsWith(".xlsx"))).toHaveLength(27);
    } finally {
      rmSync(path.dirname(out), { recursive: true, force: true });
    }
  });
});

describe("input files are never written", () => {
  interface Before {
    readonly file: string;
    readonly size: number;
    readonly mtimeMs: number;
    readonly bytes: Buffer | null;
  }

  function snapshot(file: string): Before {
    const st = statSync(file);
    // The sparse over-limit file is compared by size and time only, not read into memory.
    return { file, size: st.size, mtimeMs: st.mtimeMs, bytes: st.size > MAX_FILE_BYTES ? null : readFileSync(file) };
  }

  function expectUnchanged(before: Before): void {
    const after = snapshot(before.file);
    expect({ file: after.file, size: after.size, mtimeMs: after.mtimeMs }).toEqual({ file: before.file, size: before.size, mtimeMs: before.mtimeMs });
    if (before.bytes) expect(after.bytes!.equals(before.bytes)).toBe(true);
  }

  test("seeds/kodaira-h29.xlsx: exit code 1 (error findings), and the file is byte-identical afterwards", async () => {
    const before = snapshot(SEED);
    const seedsBefore = readdirSync(path.dirname(SEED)).sort();
    for (const argv of [[SEED], [SEED, "--json"], [SEED, "--lang", "en"], [SEED, "--stage", "本部評価後", "--json"]]) {
      const run = await cli(["validate", ...argv]);
      expect(run.code).toBe(1);
      expect(run.stderr).toBe("");
    }
    const spawned = spawnCli(["validate", SEED]);
    expect(spawned.code).toBe(1);
    expectUnchanged(before);
    expect(readdirSync(path.dirname(SEED)).sort()).toEqual(seedsBefore); // no output file left beside it
  });

  test("every bad input is left as it was, and nothing new appears in its folder", async () => {
    const files = BAD_FILES.map((c) => at(c.name)).filter((f) => {
      try {
        return statSync(f).isFile();
      } catch {
        return false;
      }
    });
    files.push(at("xls-only/h28.xls"), at("old-files/h29.csv"), at("old-files/メモ.txt"), at("not-json.json"));
    const befores = files.map(snapshot);
    const listing = () => ({ top: readdirSync(dir).sort(), sub: readdirSync(at("old-files")).sort(), xls: readdirSync(at("xls-only")).sort() });
    const listBefore = listing();

    const all = BAD_FILES.map((c) => at(c.name));
    expect((await cli(["validate", ...all])).code).toBe(2);
    expect((await cli(["validate", ...all, "--json", "--lang", "en"])).code).toBe(2);
    expect((await cli(["validate", dir])).code).toBe(2); // the folder itself: its workbooks, on worker threads
    expect((await cli(["validate", SEED, "--profile", at("not-json.json")])).code).toBe(2);
    expect(spawnCli(["validate", at("locked.xlsx"), at("x.xlsx")]).code).toBe(2);

    for (const b of befores) expectUnchanged(b);
    expect(listing()).toEqual(listBefore);
    expect(statSync(at("no-such-file.xlsx"), { throwIfNoEntry: false })).toBeUndefined(); // not created either
  });
});
