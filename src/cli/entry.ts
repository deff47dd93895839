import { runCli } from "./main";
import { useNativeZip } from "./native-zip";

useNativeZip();
runCli();
