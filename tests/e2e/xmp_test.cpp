// The XMP packet of a built PDF, parsed back as XML, whatever text the
// metadata was given.
#include <doctest/doctest.h>

#include "harness.h"

using namespace e2e;

TEST_CASE("metadata with markup, escapes and non-characters gives a well-formed XMP packet") {
  const std::string dir = temp_dir();
  write_file(dir + "/c.yaml", "galley: 1\nlayout: " + std::string(GALLEY_SOURCE_DIR) +
                                  "/tests/hostile/support/minimal-layout.yaml\n"
                                  "meta:\n  title: \"Caf\\u00e9 <b> & \\\"q\\\" \\x01 \\uFFFE ]]>\"\n"
                                  "  subtitle: \"for {{recipient}}\"\n"
                                  "flows: {main: [paragraph: x]}\n");
  Run build = e2e::galley("build " + quote(dir + "/c.yaml") + " --set 'recipient=Zo\xC3\xAB <x>' -o " + quote(dir + "/o.pdf"));
  INFO(build.err);
  REQUIRE(build.exit_code == 0);
  // qpdf --qdf leaves every stream uncompressed, so the packet can be cut out.
  REQUIRE(sh("qpdf --qdf --object-streams=disable " + quote(dir + "/o.pdf") + " " + quote(dir + "/q.pdf")).exit_code == 0);
  Run parsed = sh("python3 -c \"import sys, re, xml.etree.ElementTree as E\n"
                  "b = open(sys.argv[1], 'rb').read()\n"
                  "s = b.index(b'<?xpacket begin'); e = b.index(b'?>', b.index(b'<?xpacket end', s)) + 2\n"
                  "root = E.fromstring(b[s:e])\n"
                  "print([t.text for t in root.iter('{http://www.w3.org/1999/02/22-rdf-syntax-ns#}li')][0])\" " +
                  quote(dir + "/q.pdf"));
  INFO(parsed.err);
  CHECK(parsed.exit_code == 0);
  CHECK(parsed.out == "Caf\xC3\xA9 <b> & \"q\"  \xEF\xBF\xBD ]]> \xE2\x80\x94 for Zo\xC3\xAB <x>\n");
}
