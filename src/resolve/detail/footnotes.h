// Footnotes in text: `text^[An inline note.]` and `text[^id]` with the note
// under the content file's `notes:`. References are cut out of the text
// before its markup is parsed (a note may hold markup of its own) and stand
// there as kNoteMarker; once the text is runs, each marker becomes a run
// of its own, the note's number in the `footnote-ref` character style with
// CharStyle::note set. Each note is resolved once, in the `footnote` style,
// at its first reference; a second `[^id]` of the same note shares it.
#pragma once
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "cascade.h"
#include "resolve/styled.h"

namespace galley::resolve {

// U+FDD3, a noncharacter: no text holds it (the loader's text keeps none).
inline constexpr std::string_view kNoteMarker = "\xEF\xB7\x93";

class Footnotes {
 public:
  Footnotes(const std::vector<model::NoteDef>& defs, const Cascade& cascade, Diagnostics& diags);

  // Makes a note's paragraph from its text (resolved by the caller, with
  // the text's own markup); the notes are then numbered in that order.
  using Resolve = std::function<Paragraph(const model::Text&)>;

  // `text` with each reference replaced by kNoteMarker, or nothing when it
  // has none; `notes` gets the number of each one's note, in order, negated
  // for a repeated `[^id]` (CharStyle::note). Unknown
  // ids are errors (with a did-you-mean), and so is a reference inside a
  // note.
  std::optional<model::Text> cut(const model::Text& text, std::vector<int>& notes, const Resolve& resolve);

  // Replaces each marker in `runs` by its reference (`notes` from cut()).
  void place(std::vector<Run>& runs, const std::vector<int>& notes) const;

  // Unused notes of `notes:` are warnings; the notes, in number order.
  std::vector<Footnote> finish();

 private:
  int add(const model::Text& text, const Resolve& resolve);
  // A reference mark in the character style `base` of the text around it;
  // `number` negated for a repeat.
  Run mark(int number, const CharStyle& base) const;

  const std::vector<model::NoteDef>& defs_;
  const Cascade& cascade_;
  Diagnostics& diags_;
  std::map<std::string, size_t> by_id_;  // id → index in defs_
  std::map<size_t, int> number_of_;      // index in defs_ → its note's number
  std::vector<Footnote> notes_;
  bool in_note_ = false;  // cutting a note's own text
};

}  // namespace galley::resolve
