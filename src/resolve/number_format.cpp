// Data values for people, through ICU's number and date formatters in
// galley-numbers.so (detail/numbers_module.h).
#include "detail/number_format.h"

#include <algorithm>
#include <charconv>
#include <cstdio>

#include "base/module.h"
#include "detail/numbers_module.h"

namespace galley::resolve {
namespace {

std::string_view trim_blanks(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

// Digits after the point as written ("12.50" → 2, "1e3" → 0).
int written_decimals(std::string_view s) {
  s = trim_blanks(s);
  const size_t dot = s.find('.');
  if (dot == std::string_view::npos) return 0;
  int n = 0;
  for (size_t i = dot + 1; i < s.size() && s[i] >= '0' && s[i] <= '9'; ++i) ++n;
  return n;
}

struct Loaded {
  const NumbersModule* module = nullptr;
  std::string error;
};

const Loaded& loaded() {
  static const Loaded once = [] {
    Loaded l;
    l.module = base::module_table<NumbersModule>(kNumbersModuleFile, kNumbersModuleEntry, kNumbersModuleAbi, l.error);
    return l;
  }();
  return once;
}

std::optional<std::string> icu_number(double value, const std::string& language, int decimals, bool grouping,
                                      bool percent) {
  const NumbersModule* m = loaded().module;
  return m ? m->number(value, language, decimals, grouping, percent) : std::nullopt;
}

std::string format_date(const Date& d, const std::string& style, const std::string& language) {
  if (style == "iso") {
    char buf[16];
    if (d.day == 0) std::snprintf(buf, sizeof buf, "%04d-%02d", d.year, d.month);
    else std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", d.year, d.month, d.day);
    return buf;
  }
  std::string skeleton = style;
  if (style == "short") skeleton = d.day ? "yMd" : "yM";
  else if (style == "medium") skeleton = d.day ? "yMMMd" : "yMMM";
  else if (style == "long") skeleton = d.day ? "yMMMMd" : "yMMMM";
  else if (style == "full") skeleton = d.day ? "yMMMMEEEEd" : "yMMMM";
  const NumbersModule* m = loaded().module;
  auto out = m ? m->date(d.year, d.month, d.day, skeleton, language) : std::nullopt;
  return out ? *out : format_date(d, "iso", language);
}

}  // namespace

std::optional<double> parse_number(std::string_view s) {
  s = trim_blanks(s);
  if (s.starts_with('+')) s.remove_prefix(1);
  if (s.empty()) return std::nullopt;
  double v = 0;
  const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v, std::chars_format::general);
  if (ec != std::errc() || end != s.data() + s.size()) return std::nullopt;
  return v;
}

std::optional<Date> parse_date(std::string_view s) {
  s = trim_blanks(s);
  auto digits = [&](size_t at, size_t n) -> std::optional<int> {
    int v = 0;
    for (size_t i = at; i < at + n; ++i) {
      if (i >= s.size() || s[i] < '0' || s[i] > '9') return std::nullopt;
      v = v * 10 + (s[i] - '0');
    }
    return v;
  };
  if ((s.size() != 7 && s.size() != 10) || s[4] != '-') return std::nullopt;
  Date d;
  auto y = digits(0, 4), m = digits(5, 2);
  if (!y || !m || *m < 1 || *m > 12) return std::nullopt;
  d.year = *y;
  d.month = *m;
  if (s.size() == 10) {
    auto day = digits(8, 2);
    static constexpr int days[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (s[7] != '-' || !day || *day < 1 || *day > days[d.month - 1]) return std::nullopt;
    const bool leap = (d.year % 4 == 0 && d.year % 100 != 0) || d.year % 400 == 0;
    if (d.month == 2 && *day == 29 && !leap) return std::nullopt;
    d.day = *day;
  }
  return d;
}

bool numbers_loaded(const SourceLoc& where, Diagnostics& diags) {
  if (loaded().module) return true;
  diags.error(where, "cannot format numbers and dates: " + loaded().error);
  return false;
}

std::string format_number(double value, int decimals, bool grouping, const std::string& language) {
  auto out = icu_number(value, language, decimals, grouping, false);
  return out ? *out : std::to_string(value);
}

std::string format_number(double value, const model::CellFormat& format, int decimals, const std::string& language) {
  using Kind = model::CellFormat::Kind;
  const bool percent = format.kind == Kind::Percent;
  if (!percent && format.kind != Kind::Number) return format_number(value, decimals, true, language);
  int d = format.decimals >= 0 ? format.decimals : decimals < 0 ? -1 : std::max(0, decimals - (percent ? 2 : 0));
  if (d < 0) d = percent ? 0 : -1;
  auto out = icu_number(value, language, d, format.grouping, percent);
  return out ? *out : std::to_string(value);
}

std::string format_value(std::string_view raw, const model::CellFormat& format, const std::string& language,
                         bool* matched) {
  using Kind = model::CellFormat::Kind;
  if (matched) *matched = true;
  if (format.kind == Kind::Text) return std::string(raw);
  if (format.kind == Kind::Date) {
    if (auto d = parse_date(raw)) return format_date(*d, format.date, language);
  } else if (auto v = parse_number(raw)) {
    const bool percent = format.kind == Kind::Percent;
    int decimals = format.decimals;
    // As written: a fraction's digits stay, less the two a percentage moves.
    if (decimals < 0) decimals = std::max(0, written_decimals(raw) - (percent ? 2 : 0));
    if (auto out = icu_number(*v, language, decimals, format.grouping, percent)) return *out;
  }
  if (matched) *matched = false;
  return std::string(raw);
}

std::string decimal_sign(const std::string& language) {
  // The sign is whatever sits between 1 and 5 in "1.5" as the language writes it.
  const std::string s = format_number(1.5, 1, false, language);
  return s.size() > 2 ? s.substr(1, s.size() - 2) : ".";
}

}  // namespace galley::resolve
