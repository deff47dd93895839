/**
 * The messages files that sit next to the code showing them (`<name>.messages.ts`, both languages through
 * `bilingual`, src/core/i18n/bilingual.ts), as the generators read and merge them: a rule's in src/core/rules, a
 * summary sheet's in src/core/summary.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

export const MESSAGES_SUFFIX = ".messages.ts";

export interface MessagesFile {
  /** The id its header comment names: `/** ID's messages: …`. */
  readonly id: string;
  /** The module, relative to its folder, without `.ts`. */
  readonly module: string;
  readonly keys: readonly string[];
}

const MESSAGE_KEY = /(?:^|[{,])\s*"([^"\\]+)"\s*:/gm;
const HEADER_ID = /^\/\*\*\s*(?:\*\s*)?([A-Za-z0-9-]+)'s messages/;

/** Every messages file in a folder, in file-name order; `where` names the folder in errors. */
export function readMessagesFiles(dir: string, where: string): MessagesFile[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith(MESSAGES_SUFFIX))
    .sort()
    .map((file) => {
      const src = readFileSync(path.join(dir, file), "utf8");
      const id = HEADER_ID.exec(src)?.[1];
      if (!id) throw new Error(`${where}/${file}: the header comment must start "<id>'s messages: …"`);
      return { id, module: file.slice(0, -".ts".length), keys: [...src.matchAll(MESSAGE_KEY)].map((m) => m[1]) };
    });
}

/** Throws unless every key is the owner's and the required one is there. */
export function checkKeys(file: MessagesFile, where: string, own: RegExp, ownDescribed: string, required: string, requiredDescribed: string): void {
  const others = file.keys.filter((k) => !own.test(k));
  if (others.length) throw new Error(`${where}: ${others.join(", ")} ${others.length === 1 ? "is" : "are"} not ${file.id}'s; its keys are ${ownDescribed}`);
  if (!file.keys.includes(required)) throw new Error(`${where}: ${required} (${requiredDescribed}) is missing`);
}

const camel = (id: string) => id.toLowerCase().replace(/-([a-z0-9])/g, (_, c: string) => c.toUpperCase());

/** A generated module that merges messages files into one object per language, `<prefix>Ja` and `<prefix>En`. */
export function mergedMessagesSource(banner: string, files: readonly MessagesFile[], from: string, prefix: string, whose: string): string {
  const name = (f: MessagesFile) => `${camel(f.id.replace(/([a-z])([A-Z])/g, "$1-$2"))}Messages`;
  return [
    banner,
    `import { mergeCatalogues } from "./merge";`,
    ...files.map((f) => `import ${name(f)} from "${from}/${f.module}";`),
    "",
    `/** ${whose} messages in Japanese, merged into ja.ts. */`,
    `export const ${prefix}Ja = mergeCatalogues(`,
    ...files.map((f) => `  ${name(f)}.ja,`),
    ");",
    "",
    `/** ${whose} messages in English, merged into en.ts. */`,
    `export const ${prefix}En = mergeCatalogues(`,
    ...files.map((f) => `  ${name(f)}.en,`),
    ");",
    "",
  ].join("\n");
}
