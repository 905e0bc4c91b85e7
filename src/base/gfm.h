// Parsing GitHub-flavoured Markdown with cmark-gfm, for load/ (Markdown
// blocks) and resolve/ (inline markup), which must read `~~` alike.
#pragma once
#include <cmark-gfm.h>

#include <initializer_list>
#include <string>

namespace galley::base {

// `text` parsed as CommonMark with the named GitHub extensions ("table",
// "strikethrough"; strikethrough with two tildes only: a single `~` is
// common in prose, "~5 km"); null when cmark-gfm runs out of memory. The
// caller frees the tree (cmark_node_free).
cmark_node* parse_gfm(const std::string& text, std::initializer_list<const char*> extensions);

}  // namespace galley::base
