// The style cascade: every layout style with its `base:` chain merged in,
// then resolved over built-in defaults into a ParaStyle. Character styles
// (kCharacterStyles) apply only the fields their chain sets.
#pragma once
#include <array>
#include <map>
#include <optional>
#include <string>

#include "resolve/styled.h"

namespace galley::resolve {

// The character styles inline markup applies, by name.
inline constexpr std::array<const char*, 6> kCharacterStyles = {"strong", "emphasis", "code", "link", "strike",
                                                                "footnote-ref"};

class Cascade {
 public:
  // `language` is the document's: the default for styles that set none. An
  // unknown or cyclic `base:` and an unknown colour are errors in `diags`.
  Cascade(const model::Layout& layout, const std::string& language, Diagnostics& diags);

  // The layout's style `name` with its base chain merged; null if undefined.
  const model::Style* flat(const std::string& name) const;
  // The layout's style `name` fully resolved; null if undefined.
  const ParaStyle* para(const std::string& name) const;
  const std::map<std::string, ParaStyle>& all() const { return resolved_; }
  // all() plus fallback(name) for every default style name it lacks.
  std::map<std::string, ParaStyle> with_defaults() const;
  // The style of a block with no `style:` whose kind's default is `name`
  // ("h2", "caption", ...): that style if the layout has it, else `body`
  // (made bold and larger for titles, headings and header cells), else the
  // built-in defaults treated the same way.
  ParaStyle fallback(const std::string& name) const;
  // The style of a block given `style: name` whose kind's default is `kind`:
  // what the named style's chain sets, over fallback(kind) for the rest, so
  // a heading in a style that sets only a colour is still a heading. Null if
  // the layout has no style `name`.
  std::optional<ParaStyle> for_kind(const std::string& name, const std::string& kind) const;

  // Applies character style `name` (kCharacterStyles) over `c`: the fields
  // its chain sets, else the built-in effect (bold; italic toggled; a
  // monospaced family from the layout's fonts; nothing; 65 % of the size).
  void apply(const std::string& name, CharStyle& c) const;

 private:
  const model::Style* flatten(const model::Layout& layout, const std::string& name,
                              std::map<std::string, int>& state, Diagnostics& diags);
  ParaStyle resolve_style(const std::string& name, const model::Style& s, Diagnostics& diags) const;
  // `from` with every field `s` sets replaced, named `name`.
  ParaStyle over(const ParaStyle& from, const std::string& name, const model::Style& s, Diagnostics& diags) const;
  std::optional<Color> color(const std::optional<std::string>& name, const std::optional<Color>& value,
                             const SourceLoc& loc, Diagnostics& diags) const;

  // A copy, not the layout's: a cascade outlives moves of its layout
  // (resolve/detail/prepared.h).
  std::map<std::string, Color> colors_;
  std::string language_;
  std::string mono_font_;
  std::map<std::string, model::Style> flat_;
  std::map<std::string, ParaStyle> resolved_;
};

}  // namespace galley::resolve
