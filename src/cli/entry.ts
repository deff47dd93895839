import { runCli } from "./main";
import { useNativeZip } from "./native-zip";
import { serveFiles } from "./worker";
import { WORKER_ARG } from "./worker-arg";

useNativeZip();
// One bundle serves the command and the folder pool's threads, so both use its one code cache (run.ts).
if (process.argv.includes(WORKER_ARG)) serveFiles();
else runCli();
