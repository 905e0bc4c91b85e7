// Diagnostics: every error or warning galley reports carries the source
// location it is about, so the CLI can print `file:line:col: error: msg`.
#pragma once
#include <string>
#include <vector>

namespace galley {

// A position in an input file. Line and column are 1-based; line 0 means the
// location is the whole file (or unknown), and is printed as `file:`.
struct SourceLoc {
  std::string file;
  int line = 0;
  int col = 0;
};

// A note says what galley did on the user's behalf (copy-fitting, the page
// count); `--strict` leaves it alone.
enum class Severity { Note, Warning, Error };

struct Diagnostic {
  Severity severity = Severity::Error;
  SourceLoc loc;
  std::string message;
};

// `file:line:col: error: message` (or `file: error: message` without a line;
// `warning:` and `note:` likewise).
std::string format(const Diagnostic& d);

// Collects diagnostics so a stage can report every problem, not just the first.
class Diagnostics {
 public:
  void error(const SourceLoc& loc, std::string message);
  void warning(const SourceLoc& loc, std::string message);
  void note(const SourceLoc& loc, std::string message);
  void add(Diagnostic d);
  void append(const Diagnostics& other);
  // `other`'s diagnostics put before the one at `at` (after the last when
  // there is none): a verdict known late reported where it was asked for.
  void insert(size_t at, const Diagnostics& other);

  bool has_errors() const { return errors_ > 0; }
  int error_count() const { return errors_; }
  const std::vector<Diagnostic>& all() const { return items_; }
  // Turns every warning into an error (`--strict`).
  void promote_warnings();

 private:
  std::vector<Diagnostic> items_;
  int errors_ = 0;
};

}  // namespace galley
