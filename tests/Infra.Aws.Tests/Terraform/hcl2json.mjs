// Prints every *.tf file of the folder given as the first argument as one JSON object: file name -> the file parsed
// by HashiCorp's HCL parser (@cdktf/hcl2json), in Terraform's JSON syntax. TerraformTests reads it.
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { parse } from "@cdktf/hcl2json";

const folder = process.argv[2];
const files = (await readdir(folder)).filter((f) => f.endsWith(".tf")).sort();
const parsed = {};
for (const file of files) {
  parsed[file] = await parse(file, await readFile(join(folder, file), "utf8"));
}
process.stdout.write(JSON.stringify(parsed));
