/**
 * Department lists (所管課, 主な推進担当課): `市民協働・男女参画推進課、政策課 他`,
 * `公共施設マネジメント課(旧財産管理課)全課`.
 *
 * Splitting rule. `、` `,` `，` always split, and so does a note in parentheses (the next name may be
 * glued right after `)`). Whitespace and `・` split only after a complete name, one that ends like
 * a department (課 室 部 局 館 所 センター 委員会 …). Otherwise the fragment is joined to the next one:
 * `市民協働・男女参画推進課` is one name, and so are the PDF-wrapped `市民協働・男女 参画推進課` and
 * `市民協働・男女参画推進 課`. The cost: two names written without any separator and the first not
 * ending like a department are read as one name (the master list then reports it).
 */
import type { Department, DepartmentList } from "./types";

const SUFFIX_RE =
  /(?:課|室|部|局|館|所|センター|委員会|事務局|本部|園|係|担当|班|グループ|庁|署|院|校|会|場|団|隊|組合|機構|公社|チーム|オフィス|ステーション|プラザ)$/;
const WILDCARDS: ReadonlySet<string> = new Set(["各所管課", "全課", "各課", "施設所管課", "関係各課", "関係課", "所管課", "全庁", "各部署", "全部署"]);
/** "And others" written alone. */
const OTHERS: ReadonlySet<string> = new Set(["他", "ほか", "外", "その他", "等", "など"]);
/** "And others" glued to a complete name: `政策課他`. */
const GLUED_OTHERS_RE = /^(.+?)(?:他|ほか|等|など)$/;

type Token = { readonly t: "name"; readonly s: string } | { readonly t: "note"; readonly s: string } | { readonly t: "sep"; readonly k: Sep };
type Sep = "space" | "dot" | "strong";

const STRONG = new Set(["、", ",", "，", "､", ";", "；"]);
const DOT = new Set(["・", "･"]);
const OPEN = new Set(["(", "（"]);
const CLOSE = new Set([")", "）"]);
const ZERO_WIDTH = /[\u200B-\u200D\u2060\uFEFF]/;
const BLANK = /\s/;

function tokenize(raw: string): Token[] {
  const out: Token[] = [];
  let buf = "";
  const flush = (): void => {
    if (buf.length > 0) out.push({ t: "name", s: buf });
    buf = "";
  };
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i];
    if (OPEN.has(c)) {
      // Find the matching close; an unclosed parenthesis is an ordinary character.
      let depth = 0;
      let j = i;
      for (; j < raw.length; j++) {
        if (OPEN.has(raw[j])) depth++;
        else if (CLOSE.has(raw[j]) && --depth === 0) break;
      }
      if (j < raw.length) {
        flush();
        const inner = raw.slice(i + 1, j).replace(/[\u200B-\u200D\u2060\uFEFF]/g, "").trim();
        if (inner.length > 0) out.push({ t: "note", s: inner });
        i = j;
        continue;
      }
      buf += c;
    } else if (STRONG.has(c)) {
      flush();
      out.push({ t: "sep", k: "strong" });
    } else if (DOT.has(c)) {
      flush();
      out.push({ t: "sep", k: "dot" });
    } else if (BLANK.test(c)) {
      flush();
      out.push({ t: "sep", k: "space" });
    } else if (!ZERO_WIDTH.test(c)) {
      buf += c;
    }
  }
  flush();
  return out;
}

interface Item {
  name: string;
  notes: string[];
}

function isComplete(name: string): boolean {
  return SUFFIX_RE.test(name);
}

/** Reads a department list. Never throws. */
export function parseDepartments(raw: string): DepartmentList {
  const items: Item[] = [];
  let andOthers = false;
  try {
    const text = typeof raw === "string" ? raw : raw === null || raw === undefined ? "" : String(raw);
    let pendingNotes: string[] = [];
    // Separator seen since the last name or note: null right after a name, "note" after a note.
    let sep: Sep | "note" | null = "strong";
    for (const tok of tokenize(text)) {
      if (tok.t === "sep") {
        if (sep === null || sep === "note") sep = tok.k;
        else if (tok.k === "strong" || (tok.k === "dot" && sep === "space")) sep = tok.k;
        continue;
      }
      if (tok.t === "note") {
        const last = items[items.length - 1];
        if (last && sep !== "strong") last.notes.push(tok.s);
        else pendingNotes.push(tok.s);
        sep = "note";
        continue;
      }
      let name = tok.s;
      if (OTHERS.has(name)) {
        andOthers = true;
        sep = "strong";
        continue;
      }
      const glued = GLUED_OTHERS_RE.exec(name);
      let gluedOthers = false;
      if (glued && isComplete(glued[1])) {
        name = glued[1];
        gluedOthers = true;
      }
      const last = items[items.length - 1];
      const joinable =
        last !== undefined &&
        last.notes.length === 0 &&
        (sep === "space" || sep === "dot") &&
        !isComplete(last.name) &&
        !WILDCARDS.has(last.name);
      if (joinable) {
        last.name += sep === "dot" ? "・" + name : name;
      } else {
        items.push({ name, notes: pendingNotes });
        pendingNotes = [];
      }
      sep = null;
      if (gluedOthers) {
        andOthers = true;
        sep = "strong";
      }
    }
    // Notes after a strong separator and no name after them belong to the last name.
    if (pendingNotes.length > 0) {
      const last = items[items.length - 1];
      if (last) last.notes.push(...pendingNotes);
    }
  } catch {
    // Keep what was read.
  }
  const departments: Department[] = items.map((it) => (it.notes.length > 0 ? { name: it.name, note: it.notes.join("、") } : { name: it.name }));
  const wildcards = departments.filter((d) => WILDCARDS.has(d.name)).map((d) => d.name);
  return { departments, andOthers, wildcards: Array.from(new Set(wildcards)) };
}
