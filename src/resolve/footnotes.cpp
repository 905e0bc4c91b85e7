#include "detail/footnotes.h"

#include <cctype>
#include <cstdlib>

#include "detail/nearest.h"

namespace galley::resolve {

namespace {

// A reference mark's baseline sits this fraction of its text's size higher.
constexpr double kRise = 0.35;

bool name_char(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-' || c == '.';
}

// For each `[` of `v`, the `]` that closes it (brackets nested, backslash
// escapes skipped), or npos: found in one pass, as a text of many unclosed
// `^[` must not cost a scan to its end for each.
std::vector<size_t> closing_brackets(const std::string& v) {
  std::vector<size_t> close(v.size(), std::string::npos);
  std::vector<size_t> open;
  for (size_t i = 0; i < v.size(); ++i) {
    if (v[i] == '\\') {
      ++i;
    } else if (v[i] == '[') {
      open.push_back(i);
    } else if (v[i] == ']' && !open.empty()) {
      close[open.back()] = i;
      open.pop_back();
    }
  }
  return close;
}

// The end of the code span starting at the backticks at `i`, or the end of
// those backticks when nothing closes them (CommonMark's rule).
size_t code_span_end(const std::string& v, size_t i) {
  size_t n = 0;
  while (i + n < v.size() && v[i + n] == '`') ++n;
  for (size_t k = v.find('`', i + n); k != std::string::npos; k = v.find('`', k)) {
    size_t m = 0;
    while (k + m < v.size() && v[k + m] == '`') ++m;
    if (m == n) return k + m;
    k += m;
  }
  return i + n;
}

}  // namespace

Footnotes::Footnotes(const std::vector<model::NoteDef>& defs, const Cascade& cascade, Diagnostics& diags)
    : defs_(defs), cascade_(cascade), diags_(diags) {
  for (size_t i = 0; i < defs.size(); ++i)
    if (!by_id_.emplace(defs[i].id, i).second) diags.error(defs[i].id_loc, "footnote '" + defs[i].id + "' is defined twice");
}

std::optional<model::Text> Footnotes::cut(const model::Text& text, std::vector<int>& notes, const Resolve& resolve) {
  const std::string& v = text.value;
  if (v.find("^[") == std::string::npos && v.find("[^") == std::string::npos &&
      v.find(kNoteMarker) == std::string::npos)
    return std::nullopt;
  // Offsets are columns only in a one-line value (as for {{variables}}).
  const auto at = [&](size_t offset) {
    SourceLoc l = text.loc;
    if (l.line > 0 && v.find('\n') == std::string::npos) l.col += static_cast<int>(offset);
    return l;
  };
  const auto reference = [&](int number, size_t offset) {
    if (in_note_) {
      diags_.error(at(offset), "a footnote cannot hold another footnote");
      return;
    }
    if (number != 0) notes.push_back(number);
  };
  const std::vector<size_t> close_of = v.find("^[") == std::string::npos ? std::vector<size_t>() : closing_brackets(v);
  const auto closing = [&](size_t open) { return open < close_of.size() ? close_of[open] : std::string::npos; };
  model::Text out{{}, text.loc};
  out.value.reserve(v.size());
  size_t i = 0;
  while (i < v.size()) {
    const char c = v[i];
    if (c == '\\' && i + 1 < v.size()) {
      out.value.append(v, i, 2);
      i += 2;
    } else if (c == '`') {
      const size_t end = code_span_end(v, i);
      out.value.append(v, i, end - i);
      i = end;
    } else if (v.compare(i, kNoteMarker.size(), kNoteMarker) == 0) {
      i += kNoteMarker.size();  // never the author's: dropped
    } else if (c == '^' && i + 1 < v.size() && v[i + 1] == '[' && closing(i + 1) != std::string::npos) {
      const size_t close = closing(i + 1);
      if (in_note_) {
        reference(0, i);
      } else {
        const model::Text inner{v.substr(i + 2, close - i - 2), at(i + 2)};
        reference(add(inner, resolve), i);
        out.value += kNoteMarker;
      }
      i = close + 1;
    } else if (c == '[' && i + 1 < v.size() && v[i + 1] == '^') {
      size_t j = i + 2;
      while (j < v.size() && name_char(v[j])) ++j;
      if (j == i + 2 || j >= v.size() || v[j] != ']') {
        out.value += c;
        ++i;
        continue;
      }
      const std::string id = v.substr(i + 2, j - i - 2);
      const auto def = by_id_.find(id);
      if (in_note_) {
        reference(0, i);
      } else if (def == by_id_.end()) {
        std::vector<std::string> ids;
        for (const auto& kv : by_id_) ids.push_back(kv.first);
        diags_.error(at(i), "unknown footnote '" + id + "'" + did_you_mean(id, ids));
      } else {
        // A second reference prints the number only: the note is set once.
        auto known = number_of_.find(def->second);
        if (known != number_of_.end()) {
          reference(-known->second, i);
        } else {
          const int number = add(defs_[def->second].text, resolve);
          number_of_.emplace(def->second, number);
          reference(number, i);
        }
        out.value += kNoteMarker;
      }
      i = j + 1;
    } else {
      out.value += c;
      ++i;
    }
  }
  return out;
}

int Footnotes::add(const model::Text& text, const Resolve& resolve) {
  in_note_ = true;
  Paragraph p = resolve(text);
  in_note_ = false;
  const int number = static_cast<int>(notes_.size()) + 1;
  // Its number on the baseline: raised, text extraction reads it as a line
  // of its own.
  const Shared<CharStyle> plain = char_style(*p.style);
  p.runs.insert(p.runs.begin(), {Run{std::to_string(number), plain}, Run{" ", plain}});
  notes_.push_back({std::move(p)});
  return number;
}

Run Footnotes::mark(int number, const CharStyle& base) const {
  Run r{std::to_string(std::abs(number)), base};
  r.style.edit().link.clear();
  r.style.edit().rise = kRise * base.size;
  cascade_.apply("footnote-ref", r.style.edit());
  r.style.edit().note = number;
  return r;
}

void Footnotes::place(std::vector<Run>& runs, const std::vector<int>& notes) const {
  std::vector<Run> out;
  out.reserve(runs.size() + 2 * notes.size());
  size_t next = 0;
  for (Run& r : runs) {
    size_t from = 0;
    for (size_t at = r.text.find(kNoteMarker); at != std::string::npos; at = r.text.find(kNoteMarker, from)) {
      if (at > from) out.push_back({r.text.substr(from, at - from), r.style});
      if (next < notes.size()) out.push_back(mark(notes[next++], r.style));
      from = at + kNoteMarker.size();
    }
    if (from == 0) {
      out.push_back(std::move(r));
    } else if (from < r.text.size()) {
      out.push_back({r.text.substr(from), r.style});
    }
  }
  runs = std::move(out);
}

std::vector<Footnote> Footnotes::finish() {
  for (size_t i = 0; i < defs_.size(); ++i)
    if (!number_of_.count(i) && by_id_.at(defs_[i].id) == i)
      diags_.warning(defs_[i].id_loc, "footnote '" + defs_[i].id + "' is never referenced");
  return std::move(notes_);
}

}  // namespace galley::resolve
