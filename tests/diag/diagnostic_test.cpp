#include <doctest/doctest.h>

#include <string>
#include <thread>
#include <vector>

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

TEST_CASE("a location's file name is kept once: copies and equal names share it") {
  const std::string path = "/work/content/a-long-report-file-name.yaml";  // past the short-string room
  const SourceLoc made{path, 3, 1};
  const SourceLoc copy = made;
  const SourceLoc again{std::string(path), 9, 2};
  CHECK(&copy.file.str() == &made.file.str());
  CHECK(&again.file.str() == &made.file.str());
  CHECK(made.file == again.file);
  CHECK(made.file == path);
  CHECK(made.file.str() == path);
  const SourceLoc other{"/work/content/b.yaml", 1, 1};
  CHECK_FALSE(other.file == made.file);
  CHECK(made.file < other.file);  // ordered by the names, not where they are kept
  CHECK(SourceLoc{}.file.empty());
  CHECK(SourceLoc{}.file == FileName(""));
  CHECK(made.file + ":3" == path + ":3");
}

TEST_CASE("file names made on two threads at once are one object each") {
  std::vector<const std::string*> seen[2];
  std::vector<std::thread> threads;
  for (int t = 0; t < 2; ++t)
    threads.emplace_back([&seen, t] {
      for (int i = 0; i < 500; ++i) seen[t].push_back(&FileName("threads/" + std::to_string(i) + ".yaml").str());
    });
  for (std::thread& t : threads) t.join();
  CHECK(seen[0] == seen[1]);
  CHECK(*seen[0][499] == "threads/499.yaml");
}
