#include "diag/diagnostic.h"

#include <algorithm>
#include <mutex>
#include <unordered_set>

namespace galley {

const std::string FileName::kNone;

FileName::FileName(std::string_view name) {
  if (name.empty()) return;
  // Never destroyed (no static destructors): a name outlives every location.
  struct Hash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  struct Table {
    std::mutex mutex;
    std::unordered_set<std::string, Hash, std::equal_to<>> names;  // its nodes do not move
  };
  static Table* const table = new Table;
  std::lock_guard lock(table->mutex);
  auto it = table->names.find(name);
  if (it == table->names.end()) it = table->names.emplace(name).first;
  name_ = &*it;
}

std::string format(const Diagnostic& d) {
  std::string out = d.loc.file.empty() ? std::string("galley") : d.loc.file.str();
  out += ':';
  if (d.loc.line > 0) {
    out += std::to_string(d.loc.line);
    out += ':';
    out += std::to_string(d.loc.col > 0 ? d.loc.col : 1);
    out += ':';
  }
  out += d.severity == Severity::Error ? " error: " : d.severity == Severity::Warning ? " warning: " : " note: ";
  out += d.message;
  return out;
}

void Diagnostics::error(const SourceLoc& loc, std::string message) {
  add({Severity::Error, loc, std::move(message)});
}

void Diagnostics::warning(const SourceLoc& loc, std::string message) {
  add({Severity::Warning, loc, std::move(message)});
}

void Diagnostics::note(const SourceLoc& loc, std::string message) {
  add({Severity::Note, loc, std::move(message)});
}

void Diagnostics::add(Diagnostic d) {
  if (d.severity == Severity::Error) ++errors_;
  items_.push_back(std::move(d));
}

void Diagnostics::append(const Diagnostics& other) {
  for (const auto& d : other.items_) add(d);
}

void Diagnostics::insert(size_t at, const Diagnostics& other) {
  at = std::min(at, items_.size());
  items_.insert(items_.begin() + static_cast<std::ptrdiff_t>(at), other.items_.begin(), other.items_.end());
  errors_ += other.errors_;
}

void Diagnostics::promote_warnings() {
  for (auto& d : items_) {
    if (d.severity == Severity::Warning) {
      d.severity = Severity::Error;
      ++errors_;
    }
  }
}

}  // namespace galley
