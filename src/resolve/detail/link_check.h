// Which links a PDF may carry. A reader follows a link without asking:
// javascript:, file: or a scheme that starts a program must not get there
// unless the layout says so. Checked by resolve/ on the text of flows (so
// the check is part of the one run that reports everything) and by
// layout/ on every link it draws (master text fills in its slots there).
#pragma once
#include <set>
#include <string>

#include "diag/diagnostic.h"
#include "model/layout.h"

namespace galley::resolve {

// A PDF string libharu writes holds at most 65,535 bytes; browsers stop
// far sooner.
inline constexpr size_t kMaxUriBytes = 16384;

// Reports `uri` at `loc` when it is too long or its scheme is not http,
// https, mailto, tel or one of the layout's `output: link-schemes:`. An
// internal link ("#id") and an empty one pass, and so does any scheme when
// the layout's list had an error (Output::link_schemes_read). `reported` holds the URIs
// already reported, so each is reported once.
void check_link(const std::string& uri, const SourceLoc& loc, const model::Layout& layout,
                std::set<std::string>& reported, Diagnostics& diags);

}  // namespace galley::resolve
