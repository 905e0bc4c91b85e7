// Diagnostics: every error or warning galley reports carries the source
// location it is about, so the CLI can print `file:line:col: error: msg`.
#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace galley {

// An input file's name, kept once for the process (interned): a location is
// copied into every glyph run, colour and block a long report makes, and a
// copy of the name is then a pointer, not an allocation on the thread that
// lays out freed on the thread that writes (they share one malloc arena).
// The names are few (the content, layout and include files a process
// reads) and live to the process's end.
class FileName {
 public:
  FileName() = default;
  FileName(std::string_view name);  // NOLINT: a name converts where a std::string did
  FileName(const std::string& name) : FileName(std::string_view(name)) {}  // NOLINT
  FileName(const char* name) : FileName(std::string_view(name)) {}        // NOLINT

  const std::string& str() const { return *name_; }
  operator const std::string&() const { return *name_; }  // NOLINT
  const char* c_str() const { return name_->c_str(); }
  bool empty() const { return name_->empty(); }
  size_t size() const { return name_->size(); }
  bool ends_with(std::string_view s) const {
    return name_->size() >= s.size() && std::string_view(*name_).substr(name_->size() - s.size()) == s;
  }

  // Equal names are one object.
  friend bool operator==(const FileName& a, const FileName& b) { return a.name_ == b.name_; }
  friend bool operator==(const FileName& a, const std::string& b) { return *a.name_ == b; }
  friend bool operator==(const FileName& a, const char* b) { return *a.name_ == b; }
  // Not <=>: the fuzz build compiles the vector module, which includes
  // this header, as C++17 (fuzz/CMakeLists.txt).
  friend bool operator<(const FileName& a, const FileName& b) { return *a.name_ < *b.name_; }
  friend std::string operator+(const FileName& a, std::string_view b) { return std::string(*a.name_).append(b); }
  friend std::string operator+(const FileName& a, char b) { return *a.name_ + b; }

 private:
  static const std::string kNone;
  const std::string* name_ = &kNone;
};

// A position in an input file. Line and column are 1-based; line 0 means the
// location is the whole file (or unknown), and is printed as `file:`.
struct SourceLoc {
  FileName file;
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
