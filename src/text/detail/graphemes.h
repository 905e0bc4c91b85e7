// Grapheme-cluster starts: one of the per-code-point analyses that split a
// paragraph into shaping runs (a run never splits a cluster).
#pragma once
#include <vector>

#include "code_points.h"

namespace galley::text {

// true at the first code point of each extended grapheme cluster.
std::vector<bool> grapheme_starts(const CodePoints& text);

}  // namespace galley::text
