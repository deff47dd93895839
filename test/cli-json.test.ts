/**
 * @jest-environment node
 *
 * `chosahyo validate seeds/kodaira-h29.xlsx --json`: the JSON shape that automation depends on (src/cli/output.ts says
 * it is stable), its languages, the `--stage` switch, and the human report of the same run.
 */
import path from "node:path";
import { cli, type Run } from "./helpers/cli";

const ROOT = path.join(__dirname, "..");
const SEED = path.join(ROOT, "seeds", "kodaira-h29.xlsx");

const CELL = /^[A-Z]+[0-9]+(:[A-Z]+[0-9]+)?$/;
/** Sentence endings of Japanese prose; quoted values (item names, units) may be Japanese in English messages, these may not. */
const JAPANESE_SENTENCE = /ください|ません|ます。|です。|ました|しょう/;

interface JsonFinding {
  ruleId: string;
  severity: string;
  sheet: string;
  cell: string;
  recordId: string | null;
  message: string;
}
interface JsonFile {
  path: string;
  sheets: { name: string; profile: string | null; score: number; records: number }[];
  findings: JsonFinding[];
  error: null | { code: string; message: string };
}
interface JsonReport {
  files: JsonFile[];
}


const key = (f: JsonFinding) => `${f.ruleId}|${f.sheet}|${f.cell}|${f.recordId}`;

function counts(list: readonly JsonFinding[]) {
  return {
    error: list.filter((f) => f.severity === "error").length,
    warning: list.filter((f) => f.severity === "warning").length,
    info: list.filter((f) => f.severity === "info").length,
  };
}

let ja: Run;
let en: Run;
let stage2: Run;
let human: Run;
let humanEn: Run;
let jaReport: JsonReport;
let enReport: JsonReport;
let stage2Report: JsonReport;

beforeAll(async () => {
  ja = await cli(["validate", SEED, "--json"]);
  en = await cli(["validate", SEED, "--json", "--lang", "en"]);
  stage2 = await cli(["validate", SEED, "--json", "--stage", "本部評価後"]);
  human = await cli(["validate", SEED]);
  humanEn = await cli(["validate", SEED, "--lang", "en"]);
  jaReport = JSON.parse(ja.stdout) as JsonReport;
  enReport = JSON.parse(en.stdout) as JsonReport;
  stage2Report = JSON.parse(stage2.stdout) as JsonReport;
});

describe("--json on seeds/kodaira-h29.xlsx", () => {
  test("exit code 1 (error findings), nothing on stderr, stdout is exactly one JSON document", () => {
    for (const run of [ja, en, stage2]) {
      expect(run.code).toBe(1);
      expect(run.stderr).toBe("");
      expect(() => JSON.parse(run.stdout)).not.toThrow();
      expect(run.stdout.endsWith("}\n")).toBe(true);
    }
  });

  test("the shape is exactly { files: [ { path, sheets, findings, error: null } ] }", () => {
    expect(Object.keys(jaReport)).toEqual(["files"]);
    expect(Array.isArray(jaReport.files)).toBe(true);
    expect(jaReport.files).toHaveLength(1);
    const [file] = jaReport.files;
    expect(Object.keys(file).sort()).toEqual(["error", "findings", "path", "sheets"]);
    expect(file.path).toBe(SEED);
    expect(file.error).toBeNull();
    expect(Array.isArray(file.sheets)).toBe(true);
    expect(Array.isArray(file.findings)).toBe(true);
  });

  test("sheets: 59 entries of exactly {name, profile, score, records}, all read with kodaira-chosahyo, score between 0.6 and 1", () => {
    const { sheets } = jaReport.files[0];
    expect(sheets).toHaveLength(59);
    for (const s of sheets) {
      expect(Object.keys(s).sort()).toEqual(["name", "profile", "records", "score"]);
      expect(typeof s.name).toBe("string");
      expect(s.name.length).toBeGreaterThan(0);
      expect(s.profile).toBe("kodaira-chosahyo");
      expect(typeof s.score).toBe("number");
      expect(s.score).toBeGreaterThanOrEqual(0.6);
      expect(s.score).toBeLessThanOrEqual(1);
    }
    expect(new Set(sheets.map((s) => s.name)).size).toBe(59);
    expect(sheets[0].name).toBe("評価一覧");
    // What each sheet gave: the list's 43 rows, one record per 調査票.
    expect(sheets.map((s) => s.records)).toEqual([43, ...new Array<number>(58).fill(1)]);
    expect(sheets.map((s) => s.name)).toEqual(expect.arrayContaining(["No.1", "No.2-1", "No.2-4", "No.43"]));
  });

  test("findings: exactly {ruleId, severity, sheet, cell, recordId, message}, typed, on a known sheet, at an A1 cell or range", () => {
    const { sheets, findings } = jaReport.files[0];
    const names = new Set(sheets.map((s) => s.name));
    expect(findings.length).toBeGreaterThan(0);
    for (const f of findings) {
      expect(Object.keys(f).sort()).toEqual(["cell", "message", "recordId", "ruleId", "severity", "sheet"]);
      expect(typeof f.ruleId).toBe("string");
      expect(f.ruleId).toMatch(/^[A-Z][A-Z0-9]*(-[A-Z0-9]+)*$/);
      expect(["error", "warning", "info"]).toContain(f.severity);
      expect(names.has(f.sheet)).toBe(true);
      expect(f.cell).toMatch(CELL);
      expect(f.recordId === null || typeof f.recordId === "string").toBe(true);
      expect(typeof f.message).toBe("string");
      expect(f.message.trim().length).toBeGreaterThan(0);
      expect(f.message).not.toMatch(/[\r\n]/);
    }
    expect(counts(findings).error).toBeGreaterThan(0); // hence exit code 1
  });

  test("--lang en: the same findings, with English messages (no Japanese sentence endings); the default messages are Japanese", () => {
    const jaFindings = jaReport.files[0].findings;
    const enFindings = enReport.files[0].findings;
    expect(enFindings.map(key)).toEqual(jaFindings.map(key));
    expect(enReport.files[0].sheets).toEqual(jaReport.files[0].sheets);
    for (const f of enFindings) expect(f.message).not.toMatch(JAPANESE_SENTENCE);
    expect(jaFindings.some((f) => f.message.includes("ください"))).toBe(true);
    expect(jaFindings.every((f) => /[\u3040-\u30ff\u3400-\u9fff]/.test(f.message))).toBe(true);
    for (let i = 0; i < jaFindings.length; i++) expect(enFindings[i].message).not.toBe(jaFindings[i].message);
  });

  test("--stage 本部評価後 adds REQUIRED-MISSING for 2次評価 at G8 on No.2-1 … No.2-4, and takes nothing away", () => {
    const before = jaReport.files[0].findings;
    const after = stage2Report.files[0].findings;
    const beforeKeys = new Set(before.map(key));
    const afterKeys = new Set(after.map(key));
    expect(before.filter((f) => !afterKeys.has(key(f)))).toEqual([]);
    const added = after.filter((f) => !beforeKeys.has(key(f)));
    expect(added.map((f) => ({ ruleId: f.ruleId, severity: f.severity, sheet: f.sheet, cell: f.cell, recordId: f.recordId }))).toEqual(
      ["2-1", "2-2", "2-3", "2-4"].map((n) => ({ ruleId: "REQUIRED-MISSING", severity: "error", sheet: `No.${n}`, cell: "G8", recordId: n })),
    );
    for (const f of added) expect(f.message).toContain("2次評価");
    // The default stage has 1次評価 missing on the same sheets (F8), not 2次評価.
    expect(before.filter((f) => f.ruleId === "REQUIRED-MISSING" && /^No\.2-[1-4]$/.test(f.sheet)).map((f) => f.cell)).toEqual(["F8", "F8", "F8", "F8"]);
  });
});

describe("human output on seeds/kodaira-h29.xlsx", () => {
  test("exit code 1, nothing on stderr; the file, 認識したシート: 59, the totals and the sheet layouts", () => {
    expect(human.code).toBe(1);
    expect(human.stderr).toBe("");
    const lines = human.stdout.split("\n");
    expect(lines[0]).toBe(`■ ${SEED}`);
    expect(lines[1]).toBe("認識したシート: 59");
    expect(human.stdout).toMatch(/^ {2}評価一覧 {2}….+（評価一覧）$/m);
    expect(human.stdout).toMatch(/^ {2}No\.1, No\.2 … No\.43 \(58\) {2}….+（調査票）$/m);
    const c = counts(jaReport.files[0].findings);
    expect(lines).toContain(`指摘: エラー ${c.error} 件、警告 ${c.warning} 件、情報 ${c.info} 件`);
  });

  test("findings are grouped per sheet, each group headed by its counts and listing its findings", () => {
    const findings = jaReport.files[0].findings;
    const sheetsInOrder = [...new Set(findings.map((f) => f.sheet))];
    const lines = human.stdout.split("\n");
    const heads = lines.filter((l) => /^ {2}\[.+\] /.test(l));
    expect(heads).toEqual(
      sheetsInOrder.map((sheet) => {
        const c = counts(findings.filter((f) => f.sheet === sheet));
        return `  [${sheet}] エラー ${c.error}・警告 ${c.warning}・情報 ${c.info}`;
      }),
    );
    // Under each head, its findings: "    <severity> <cell> <ruleId>: <message>".
    const severityJa: Record<string, string> = { error: "エラー", warning: "警告", info: "情報" };
    for (const sheet of sheetsInOrder) {
      const start = lines.indexOf(heads[sheetsInOrder.indexOf(sheet)]);
      const mine = findings.filter((f) => f.sheet === sheet);
      expect(lines.slice(start + 1, start + 1 + mine.length)).toEqual(mine.map((f) => `    ${severityJa[f.severity]} ${f.cell} ${f.ruleId}: ${f.message}`));
    }
    expect(heads.find((h) => h.startsWith("  [No.2-1] "))).toMatch(/エラー 1・/);
  });

  test("--lang en: the same report in English", () => {
    expect(humanEn.code).toBe(1);
    const lines = humanEn.stdout.split("\n");
    expect(lines[0]).toBe(`■ ${SEED}`);
    expect(lines[1]).toBe("Sheets recognised: 59");
    const c = counts(enReport.files[0].findings);
    expect(lines).toContain(`Findings: ${c.error} errors, ${c.warning} warnings, ${c.info} info`);
    expect(lines).toContain(`  [No.2-1] errors 1 · warnings 0 · info ${counts(enReport.files[0].findings.filter((f) => f.sheet === "No.2-1")).info}`);
    expect(humanEn.stdout).not.toMatch(JAPANESE_SENTENCE);
  });
});
