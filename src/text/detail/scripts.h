// UAX #24 scripts: one of the per-code-point analyses that split a
// paragraph into shaping runs.
#pragma once
#include <vector>

#include <unicode/uscript.h>

#include "code_points.h"

namespace galley::text {

// The script of every code point, with Common and Inherited resolved: an
// Inherited mark takes its base's script, Common characters take the script
// around them (the following script at the start of the text), and a closing
// bracket takes the script of its opening bracket.
std::vector<UScriptCode> resolve_scripts(const CodePoints& text);

}  // namespace galley::text
