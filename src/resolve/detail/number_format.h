// Data values written for people: numbers with the language's thousands
// separator and decimal sign, fixed decimals, percentages, dates with the
// language's month names (ICU). For table cells and chart labels.
#pragma once
#include <optional>
#include <string>
#include <string_view>

#include "diag/diagnostic.h"
#include "model/cell_format.h"

namespace galley::resolve {

// ICU's formatters are a module (detail/numbers_module.h), loaded by the
// first data table or chart: false, and an error at `where`, when it cannot
// be loaded. Without it the functions below write plain digits.
bool numbers_loaded(const SourceLoc& where, Diagnostics& diags);

// A number as data files write it: optional sign, digits, an optional '.'
// and fraction, an optional exponent ("-1234.50", "1e3"); surrounding
// spaces allowed. Thousands separators are not (they are the language's).
std::optional<double> parse_number(std::string_view s);

// A calendar date written YYYY-MM-DD or YYYY-MM.
struct Date {
  int year = 0, month = 0, day = 0;  // day 0: a month
};
std::optional<Date> parse_date(std::string_view s);

// `raw` written as `format` says for `language` (a BCP 47 tag). A value
// that is not a number (or date) for a Number/Percent (Date) format comes
// back as written, with `*matched` false.
std::string format_value(std::string_view raw, const model::CellFormat& format, const std::string& language,
                         bool* matched = nullptr);

// `value` written with `decimals` digits after the point (-1: as few as
// show it), grouped or not, in `language`; axis labels use this.
std::string format_number(double value, int decimals, bool grouping, const std::string& language);

// `value` as `format` says (Number or Percent: its decimals, else
// `decimals`, less the two a percentage moves; its grouping); any other
// kind as format_number(value, decimals, true, language).
std::string format_number(double value, const model::CellFormat& format, int decimals, const std::string& language);

// The language's decimal sign ("." for en, "," for de), for aligning a
// column on it.
std::string decimal_sign(const std::string& language);

}  // namespace galley::resolve
