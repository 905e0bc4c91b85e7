// The hostile corpus's command-line cases: tests/hostile/<case>.sh is run
// with sh from the repository root, with `galley` (the built binary) on the
// PATH and $TMP a fresh empty folder; its first stderr line, with the value
// of $TMP written as `$TMP`, must equal <case>.expected, and its exit code
// the `# exit: N` comment's (1 without one). Each `# then: COMMAND` comment
// is run afterwards the same way and must succeed (to check what was, or
// was not, written). See tests/hostile/README.md.
#include <doctest/doctest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <vector>

#include "harness.h"

using namespace e2e;
namespace fs = std::filesystem;

namespace {

struct Case {
  int exit = 1;
  std::vector<std::string> then;
};

Case directives(const std::string& script) {
  Case c;
  std::istringstream in(script);
  for (std::string line; std::getline(in, line);) {
    if (line.rfind("# exit: ", 0) == 0) c.exit = std::atoi(line.c_str() + 8);
    if (line.rfind("# then: ", 0) == 0) c.then.push_back(line.substr(8));
  }
  return c;
}

// The first line that is not a note: notes (the page count of
// `repeat: until-empty`) come with every build and are not what a case tests.
std::string first_line(const std::string& text) {
  for (size_t at = 0; at < text.size();) {
    const size_t end = std::min(text.find('\n', at), text.size());
    const std::string line = text.substr(at, end - at);
    if (line.find(": note: ") == std::string::npos) return line;
    at = end + 1;
  }
  return {};
}

std::string replace_all(std::string text, const std::string& from, const std::string& to) {
  for (size_t at = text.find(from); !from.empty() && at != std::string::npos; at = text.find(from, at + to.size()))
    text.replace(at, from.size(), to);
  return text;
}

std::string environment(const std::string& tmp) {
  const std::string bin = fs::path(GALLEY_BINARY).parent_path().string();
  return "TMP=" + quote(tmp) + " PATH=" + quote(bin) + ":\"$PATH\" ";
}

}  // namespace

TEST_CASE("every hostile command line gives its exact first diagnostic") {
  std::vector<fs::path> cases;
  for (const auto& e : fs::directory_iterator(fs::path(GALLEY_SOURCE_DIR) / "tests/hostile"))
    if (e.path().extension() == ".sh") cases.push_back(e.path());
  std::sort(cases.begin(), cases.end());
  REQUIRE(cases.size() >= 40);
  const bool update = std::getenv("GALLEY_UPDATE_EXPECTED") != nullptr;
  for (const auto& path : cases) {
    const std::string name = "tests/hostile/" + path.filename().string();
    const fs::path expected_file = fs::path(path).replace_extension(".expected");
    const Case c = directives(read_file(path.string()));
    const std::string tmp = temp_dir();
    Run run = sh(environment(tmp) + "sh " + name);
    const std::string got = replace_all(first_line(run.err), tmp, "$TMP");
    if (update) std::ofstream(expected_file) << got << '\n';
    INFO("case: " << name);
    INFO("stderr: " << run.err);
    REQUIRE(fs::exists(expected_file));
    CHECK(run.exit_code == c.exit);
    CHECK(got == first_line(read_file(expected_file.string())));
    for (const auto& check : c.then) {
      INFO("then: " << check);
      CHECK(sh(environment(tmp) + "sh -c " + quote(check)).exit_code == 0);
    }
  }
}
