// Reads each PDF with PDF.js (pdfjs-dist, a test-time tool) and checks that
// every page has a structure tree a screen-reader bridge would get:
// page.getStructTree() returns a tree whose leaves reference the page's
// marked content, and the text content has those marked-content ids.
//   node struct_tree.mjs PDFJS_DIR FILE.pdf...
import { readFileSync } from "node:fs";
import { pathToFileURL } from "node:url";
import { join } from "node:path";

const [pdfjsDir, ...files] = process.argv.slice(2);
const pdfjs = await import(pathToFileURL(join(pdfjsDir, "node_modules/pdfjs-dist/legacy/build/pdf.mjs")).href);

function walk(node, roles, ids) {
  if (!node) return;
  if (node.role) roles.add(node.role);
  if (node.type === "content" && node.id) ids.add(node.id);
  for (const child of node.children ?? []) walk(child, roles, ids);
}

let failed = false;
for (const file of files) {
  const doc = await pdfjs.getDocument({ data: new Uint8Array(readFileSync(file)), verbosity: 0 }).promise;
  const roles = new Set();
  for (let p = 1; p <= doc.numPages; ++p) {
    const page = await doc.getPage(p);
    const tree = await page.getStructTree();
    const ids = new Set();
    walk(tree, roles, ids);
    const text = await page.getTextContent({ includeMarkedContent: true });
    const marked = new Set(text.items.filter((i) => i.type === "beginMarkedContentProps" && i.id).map((i) => i.id));
    const missing = [...ids].filter((id) => !marked.has(id));
    if (!tree || ids.size === 0 || missing.length) {
      console.log(`${file}: page ${p}: ${!tree ? "no structure tree" : ids.size === 0 ? "no content in the tree" : `tree ids not in the content: ${missing.slice(0, 3)}`}`);
      failed = true;
    }
  }
  console.log(`${file}: ${doc.numPages} pages, roles ${[...roles].sort().join(" ")}`);
}
process.exit(failed ? 1 : 0);
