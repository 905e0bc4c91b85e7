// The module's ICU formatters (detail/numbers_module.h).
#include <map>
#include <memory>

#include <unicode/calendar.h>
#include <unicode/datefmt.h>
#include <unicode/gregocal.h>
#include <unicode/numberformatter.h>
#include <unicode/timezone.h>
#include <unicode/unistr.h>

#include "resolve/detail/numbers_module.h"

namespace galley::resolve {
namespace {

icu::Locale locale_of(const std::string& language) {
  UErrorCode status = U_ZERO_ERROR;
  icu::Locale loc = icu::Locale::forLanguageTag(language, status);
  return U_FAILURE(status) ? icu::Locale::getEnglish() : loc;
}

std::string utf8(const icu::UnicodeString& u) {
  std::string out;
  u.toUTF8String(out);
  return out;
}

// Formatters are costly to make and cheap to use: one per setting and
// thread, since ICU formatters are not to be shared between threads.
const icu::number::LocalizedNumberFormatter& number_formatter(const std::string& language, int decimals,
                                                             bool grouping, bool percent) {
  thread_local std::map<std::string, icu::number::LocalizedNumberFormatter> made;
  const std::string key = language + '/' + std::to_string(decimals) + (grouping ? "g" : "") + (percent ? "%" : "");
  auto it = made.find(key);
  if (it != made.end()) return it->second;
  namespace n = icu::number;
  auto f = n::NumberFormatter::withLocale(locale_of(language))
               .grouping(grouping ? UNUM_GROUPING_ON_ALIGNED : UNUM_GROUPING_OFF)
               .precision(decimals < 0 ? n::Precision::maxFraction(6) : n::Precision::fixedFraction(decimals));
  if (percent) f = f.unit(icu::NoUnit::percent()).scale(n::Scale::powerOfTen(2));
  return made.emplace(key, std::move(f)).first->second;
}

std::optional<std::string> number(double value, const std::string& language, int decimals, bool grouping,
                                  bool percent) {
  UErrorCode status = U_ZERO_ERROR;
  auto out = number_formatter(language, decimals, grouping, percent).formatDouble(value, status);
  if (U_FAILURE(status)) return std::nullopt;
  std::string s = utf8(out.toString(status));
  if (U_FAILURE(status)) return std::nullopt;
  return s;
}

std::optional<std::string> date(int year, int month, int day, const std::string& skeleton,
                                const std::string& language) {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::DateFormat> f(
      icu::DateFormat::createInstanceForSkeleton(icu::UnicodeString::fromUTF8(skeleton), locale_of(language), status));
  if (U_FAILURE(status) || !f) return std::nullopt;
  // The date is a calendar day, not an instant: set and read it in UTC so
  // the machine's time zone never shifts it.
  std::unique_ptr<icu::TimeZone> utc(icu::TimeZone::createTimeZone("Etc/UTC"));
  f->setTimeZone(*utc);
  icu::GregorianCalendar cal(*utc, status);
  cal.clear();
  cal.set(year, month - 1, day ? day : 1);
  const UDate when = cal.getTime(status);
  if (U_FAILURE(status)) return std::nullopt;
  icu::UnicodeString out;
  f->format(when, out);
  return utf8(out);
}

}  // namespace
}  // namespace galley::resolve

extern "C" __attribute__((visibility("default"))) const void* galley_numbers_module() {
  static const galley::resolve::NumbersModule module{galley::resolve::kNumbersModuleAbi, &galley::resolve::number,
                                                     &galley::resolve::date};
  return &module;
}
