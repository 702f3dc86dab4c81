import { build } from "esbuild"; import { gzipSync } from "node:zlib";
const r = await build({ stdin: { contents: 'export { evaluate } from "./src/index.ts";', resolveDir: "/work/wt/reach", loader: "ts" }, bundle: true, minify: true, format: "esm", platform: "browser", write: false, logLevel: "error" });
const s = r.outputFiles[0].text; console.log(s.length, gzipSync(s).length);
const m = s.match(/"[^"]{40,}"/g); const c = {}; for (const x of m) c[x]=(c[x]??0)+1;
console.log(Object.entries(c).filter(([k,v])=>v>1).sort((a,b)=>b[1]*b[0].length-a[1]*a[0].length).slice(0,15).map(([k,v])=>v+' '+k.slice(0,100)).join('\n'));
