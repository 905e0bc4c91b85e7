#include <doctest/doctest.h>

#include "diag/diagnostic.h"

using namespace galley;

TEST_CASE("diagnostics print as file:line:col: severity: message") {
  Diagnostic d{Severity::Error, {"content/a.yaml", 12, 5}, "unknown key 'colour'"};
  CHECK(format(d) == "content/a.yaml:12:5: error: unknown key 'colour'");
  d.severity = Severity::Warning;
  d.loc.line = 0;
  CHECK(format(d) == "content/a.yaml: warning: unknown key 'colour'");
}

TEST_CASE("warnings become errors under --strict") {
  Diagnostics diags;
  diags.warning({"f", 1, 1}, "low resolution");
  CHECK_FALSE(diags.has_errors());
  diags.promote_warnings();
  CHECK(diags.has_errors());
  CHECK(diags.error_count() == 1);
}
