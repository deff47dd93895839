/**
 * Builds the sample workbooks in seeds/ from the extracted data in seeds/data (npm run seeds).
 * Each `seed-*.ts` module next to this file builds one or more workbooks. The outputs are committed, so a fresh
 * checkout can run the demo before any build step.
 */
import { readdirSync } from "node:fs";
import path from "node:path";

export interface SeedModule {
  /** Writes its workbook(s) into `seedsDir` and returns the files written. */
  build(seedsDir: string): Promise<string[]>;
}

async function main(): Promise<void> {
  const seeds = path.join(__dirname, "..", "..", "seeds");
  const only = process.argv.slice(2);
  const modules = readdirSync(__dirname)
    .filter((f) => /^seed-.+\.ts$/.test(f))
    .sort();
  for (const file of modules) {
    if (only.length && !only.some((o) => file.includes(o))) continue;
    const mod = (await import(path.join(__dirname, file))) as SeedModule;
    for (const out of await mod.build(seeds)) console.log(`wrote ${path.relative(process.cwd(), out)}`);
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
