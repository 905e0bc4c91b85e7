// The tree of a YAML document read with libyaml instead of yaml-cpp.
// yaml-cpp's scanner matches every character against regular expressions:
// the brochure's layout (7 KB) cost 12.4 M instructions to parse, its
// content (9 KB) 7 M, both on the way to a cold build's first page;
// libyaml reads them in 1.8 M and 1.2 M.
//
// The tree must be the one yaml-cpp gives (yaml_tree.h): the same nodes,
// scalars, tags, marks and styles, and the same errors. So libyaml reads
// only documents in the part of YAML where the two agree, and any document
// that strays from it is declined (nullptr) and read by yaml-cpp as
// before: an error of any kind; explicit tags; an alias to no anchor, an
// anchor or alias on a key, a name followed by anything but a space, a
// line break or `,]}` (yaml-cpp's names go on where libyaml's stop), an
// anchored flow mapping, an anchored plain or quoted scalar over more than
// one line; document markers and directives; tabs, carriage returns, a byte-order
// mark and the line breaks YAML 1.1 knows and 1.2 does not; a key that is
// not a scalar or is written after `?`; an empty value, whose mark
// yaml-cpp puts at the next token; a quoted scalar with an escape or a
// blank line; a block scalar kept (`|+`) or indented by number; in a flow
// collection, a pair without braces or a plain scalar holding `:` or `?`.
// Like yaml-cpp, libyaml is given the file with its long plain values
// stood in for (stand_ins.h); a stand-in that does not come out where it
// went in declines the document.
// tests/load/yaml_tree_test.cpp compares the two readers on shuffled lines,
// fuzz/yaml.cpp on whatever libyaml accepts.
#pragma once
#include <memory>
#include <string>

#include "yaml_tree.h"

namespace galley::load {

// The tree of `bytes`' one document, or nullptr when yaml-cpp must read it.
std::shared_ptr<YamlTree> read_common_yaml(const std::string& bytes);

}  // namespace galley::load
