#include <doctest/doctest.h>

#include "detail/pipeline.h"
#include "resolve/resolve.h"

using namespace galley;

namespace {
std::string all(const Diagnostics& d) {
  std::string s;
  for (const Diagnostic& x : d.all()) s += format(x) + "\n";
  return s;
}
}  // namespace

TEST_CASE("build_once gives build's PDF and empties the session's document") {
  Diagnostics d;
  auto session = cli::Session::open("content/mayo-ir-residency.yaml", "layouts/handout-a4.yaml", true, d);
  REQUIRE(session);
  REQUIRE_FALSE(session->doc.flows.empty());
  const auto vars = resolve::make_variables(session->doc, {{"recipient", "Dr. Jane Doe"}});
  const cli::BuildOptions opts;
  Diagnostics shared_diags, once_diags;
  const auto shared = cli::build(*session, vars, opts, shared_diags);
  REQUIRE_FALSE(session->doc.flows.empty());  // a batch builds from it again
  const auto once = cli::build_once(*session, vars, opts, once_diags);
  CHECK(session->doc.flows.empty());
  // Nor does it keep the parsed markup (a long report's text) past resolve.
  CHECK_FALSE(session->prepared);
  REQUIRE(shared.pdf);
  REQUIRE(once.pdf);
  CHECK(*shared.pdf == *once.pdf);
  CHECK(all(shared_diags) == all(once_diags));
}
