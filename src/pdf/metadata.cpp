#include "detail/metadata.h"

#include <cstdio>
#include <cstdlib>
#include <ctime>

#include "base/utf8.h"

namespace galley::pdf {
namespace {

constexpr const char* kProducer = "galley";

bool digits(const std::string& s, size_t at, size_t n) {
  if (at + n > s.size()) return false;
  for (size_t i = at; i < at + n; ++i)
    if (s[i] < '0' || s[i] > '9') return false;
  return true;
}

int field(const std::string& s, size_t at, size_t n) { return std::atoi(s.substr(at, n).c_str()); }

DocDate make_date(int y, int mo, int d, int h, int mi, int sec) {
  char pdf[32], xmp[32];
  std::snprintf(pdf, sizeof pdf, "D:%04d%02d%02d%02d%02d%02dZ", y, mo, d, h, mi, sec);
  std::snprintf(xmp, sizeof xmp, "%04d-%02d-%02dT%02d:%02d:%02dZ", y, mo, d, h, mi, sec);
  return DocDate{pdf, xmp};
}

std::optional<DocDate> parse_iso(const std::string& s) {
  if (!digits(s, 0, 4) || s.size() < 10 || s[4] != '-' || !digits(s, 5, 2) || s[7] != '-' ||
      !digits(s, 8, 2))
    return std::nullopt;
  int h = 0, mi = 0, sec = 0;
  size_t rest = 10;
  if (s.size() > 10) {
    if ((s[10] != 'T' && s[10] != ' ') || !digits(s, 11, 2) || s.size() < 16 || s[13] != ':' ||
        !digits(s, 14, 2))
      return std::nullopt;
    h = field(s, 11, 2);
    mi = field(s, 14, 2);
    rest = 16;
    if (s.size() >= 19 && s[16] == ':' && digits(s, 17, 2)) {
      sec = field(s, 17, 2);
      rest = 19;
    }
    if (rest < s.size() && s.substr(rest) != "Z") return std::nullopt;
  }
  const int y = field(s, 0, 4), mo = field(s, 5, 2), d = field(s, 8, 2);
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || sec > 60) return std::nullopt;
  return make_date(y, mo, d, h, mi, sec);
}

std::optional<DocDate> from_epoch(const std::string& s) {
  if (s.empty() || s.size() > 12) return std::nullopt;
  for (char c : s)
    if (c < '0' || c > '9') return std::nullopt;
  const std::time_t t = static_cast<std::time_t>(std::atoll(s.c_str()));
  std::tm tm{};
  if (!gmtime_r(&t, &tm)) return std::nullopt;
  return make_date(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec);
}

uint64_t fnv1a(const std::string& s, uint64_t seed) {
  uint64_t h = seed;
  for (unsigned char c : s) h = (h ^ c) * 1099511628211ull;
  return h;
}

// The packet must stay well-formed XML whatever the text: XML 1.0 allows
// tab, LF and U+0020 on but for U+FFFE and U+FFFF (surrogates are never
// valid UTF-8). Other control characters are dropped; malformed UTF-8 and
// the two non-characters become U+FFFD, as in the PDF's text strings.
std::string xml(const std::string& s) {
  std::string out;
  for (size_t i = 0; i < s.size();) {
    const size_t start = i;
    const char32_t cp = base::next_code_point(s, i);
    switch (cp) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      default:
        if (cp == 0xFFFD || cp == 0xFFFE || cp == 0xFFFF) out += "\xEF\xBF\xBD";
        else if (cp >= 0x20 || cp == '\t' || cp == '\n') out.append(s, start, i - start);
    }
  }
  return out;
}

std::string full_title(const layout::Metadata& meta) {
  if (meta.subtitle.empty()) return meta.title;
  if (meta.title.empty()) return meta.subtitle;
  return meta.title + " \xE2\x80\x94 " + meta.subtitle;
}

// One PDF/A extension schema (ISO 19005-1 6.7.2.2) with one text property.
std::string extension_schema(const char* name, const char* uri, const char* prefix, const char* property,
                             const char* description) {
  return std::string("<rdf:li rdf:parseType=\"Resource\">\n<pdfaSchema:schema>") + name +
         "</pdfaSchema:schema>\n<pdfaSchema:namespaceURI>" + uri +
         "</pdfaSchema:namespaceURI>\n<pdfaSchema:prefix>" + prefix +
         "</pdfaSchema:prefix>\n<pdfaSchema:property><rdf:Seq><rdf:li rdf:parseType=\"Resource\">\n"
         "<pdfaProperty:name>" + property + "</pdfaProperty:name>\n"
         "<pdfaProperty:valueType>" + (std::string(prefix) == "pdfuaid" ? "Integer" : "Text") +
         "</pdfaProperty:valueType>\n<pdfaProperty:category>internal</pdfaProperty:category>\n"
         "<pdfaProperty:description>" + description + "</pdfaProperty:description>\n"
         "</rdf:li></rdf:Seq></pdfaSchema:property>\n</rdf:li>\n";
}

std::string pdfa_extensions(bool pdfx, bool pdf_ua) {
  if (!pdfx && !pdf_ua) return {};
  std::string x =
      "<rdf:Description rdf:about=\"\"\n"
      " xmlns:pdfaExtension=\"http://www.aiim.org/pdfa/ns/extension/\"\n"
      " xmlns:pdfaSchema=\"http://www.aiim.org/pdfa/ns/schema#\"\n"
      " xmlns:pdfaProperty=\"http://www.aiim.org/pdfa/ns/property#\">\n"
      "<pdfaExtension:schemas><rdf:Bag>\n";
  if (pdfx)
    x += extension_schema("PDF/X ID Schema", "http://www.npes.org/pdfx/ns/id/", "pdfxid", "GTS_PDFXVersion",
                          "ID of PDF/X standard");
  if (pdf_ua)
    x += extension_schema("PDF/UA identification schema", "http://www.aiim.org/pdfua/ns/id/", "pdfuaid",
                          "part", "PDF/UA version identifier");
  return x + "</rdf:Bag></pdfaExtension:schemas>\n</rdf:Description>\n";
}

}  // namespace

std::optional<DocDate> document_date(const layout::Metadata& meta, const char* source_date_epoch,
                                     Diagnostics& diags) {
  if (!meta.date.empty()) {
    if (auto d = parse_iso(meta.date)) return d;
    diags.warning({}, "meta.date '" + meta.date + "' is not an ISO 8601 date; ignored");
  }
  if (source_date_epoch && *source_date_epoch) {
    if (auto d = from_epoch(source_date_epoch)) return d;
    diags.warning({}, std::string("SOURCE_DATE_EPOCH '") + source_date_epoch +
                          "' is not a number of seconds; ignored");
  }
  return std::nullopt;
}

std::string document_id(uint64_t h0, uint64_t h1) {
  std::string id;
  for (uint64_t h : {h0, h1})
    for (int i = 7; i >= 0; --i) id.push_back(static_cast<char>((h >> (8 * i)) & 0xFF));
  return id;
}

std::string document_id(const std::string& source_hash) {
  return document_id(fnv1a(source_hash, 1469598103934665603ull), fnv1a(source_hash, 0x9E3779B97F4A7C15ull));
}

std::string uuid_of(const std::string& id) {
  static const char* hex = "0123456789abcdef";
  std::string out = "uuid:";
  for (size_t i = 0; i < id.size() && i < 16; ++i) {
    if (i == 4 || i == 6 || i == 8 || i == 10) out.push_back('-');
    const auto b = static_cast<unsigned char>(id[i]);
    out.push_back(hex[b >> 4]);
    out.push_back(hex[b & 15]);
  }
  return out;
}

Dict info_dict(const layout::Metadata& meta, const std::optional<DocDate>& date, bool pdfx) {
  Dict d;
  const std::string title = full_title(meta);
  if (!title.empty()) d.set("Title", text_string(title));
  if (!meta.author.empty()) d.set("Author", text_string(meta.author));
  if (!meta.subject.empty()) d.set("Subject", text_string(meta.subject));
  if (!meta.keywords.empty()) d.set("Keywords", text_string(meta.keywords));
  d.set("Creator", String{kProducer}).set("Producer", String{kProducer});
  if (date) d.set("CreationDate", String{date->pdf}).set("ModDate", String{date->pdf});
  d.set("Trapped", Name{"False"});
  if (pdfx) d.set("GTS_PDFXVersion", String{"PDF/X-4"});
  return d;
}

std::string xmp_packet(const layout::Metadata& meta, const std::optional<DocDate>& date,
                       const std::string& id, bool pdfx, bool pdf_ua, const std::string& pdf_a) {
  const std::string title = full_title(meta);
  std::string x =
      "<?xpacket begin=\"\xEF\xBB\xBF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n"
      "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n"
      "<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n"
      "<rdf:Description rdf:about=\"\"\n"
      " xmlns:dc=\"http://purl.org/dc/elements/1.1/\"\n"
      " xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\"\n"
      " xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\"\n"
      " xmlns:xmpMM=\"http://ns.adobe.com/xap/1.0/mm/\"\n"
      " xmlns:pdfxid=\"http://www.npes.org/pdfx/ns/id/\">\n"
      "<dc:format>application/pdf</dc:format>\n";
  if (!title.empty())
    x += "<dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">" + xml(title) +
         "</rdf:li></rdf:Alt></dc:title>\n";
  if (!meta.author.empty())
    x += "<dc:creator><rdf:Seq><rdf:li>" + xml(meta.author) + "</rdf:li></rdf:Seq></dc:creator>\n";
  if (!meta.subject.empty())
    x += "<dc:description><rdf:Alt><rdf:li xml:lang=\"x-default\">" + xml(meta.subject) +
         "</rdf:li></rdf:Alt></dc:description>\n";
  if (!meta.language.empty())
    x += "<dc:language><rdf:Bag><rdf:li>" + xml(meta.language) + "</rdf:li></rdf:Bag></dc:language>\n";
  if (!meta.keywords.empty()) x += "<pdf:Keywords>" + xml(meta.keywords) + "</pdf:Keywords>\n";
  x += std::string("<pdf:Producer>") + kProducer + "</pdf:Producer>\n";
  x += "<pdf:Trapped>False</pdf:Trapped>\n";
  x += std::string("<xmp:CreatorTool>") + kProducer + "</xmp:CreatorTool>\n";
  if (date)
    x += "<xmp:CreateDate>" + date->xmp + "</xmp:CreateDate>\n<xmp:ModifyDate>" + date->xmp +
         "</xmp:ModifyDate>\n<xmp:MetadataDate>" + date->xmp + "</xmp:MetadataDate>\n";
  x += "<xmpMM:DocumentID>" + uuid_of(id) + "</xmpMM:DocumentID>\n";
  x += "<xmpMM:InstanceID>" + uuid_of(id) + "</xmpMM:InstanceID>\n";
  x += "<xmpMM:RenditionClass>default</xmpMM:RenditionClass>\n";
  x += "<xmpMM:VersionID>1</xmpMM:VersionID>\n";
  if (pdfx) x += "<pdfxid:GTS_PDFXVersion>PDF/X-4</pdfxid:GTS_PDFXVersion>\n";
  x += "</rdf:Description>\n";
  if (pdf_ua)
    x += "<rdf:Description rdf:about=\"\" xmlns:pdfuaid=\"http://www.aiim.org/pdfua/ns/id/\">\n"
         "<pdfuaid:part>1</pdfuaid:part>\n</rdf:Description>\n";
  if (pdf_a.size() == 2) {
    const char conformance = static_cast<char>(pdf_a[1] - 'a' + 'A');
    x += "<rdf:Description rdf:about=\"\" xmlns:pdfaid=\"http://www.aiim.org/pdfa/ns/id/\">\n"
         "<pdfaid:part>" + pdf_a.substr(0, 1) + "</pdfaid:part>\n<pdfaid:conformance>" + conformance +
         "</pdfaid:conformance>\n</rdf:Description>\n";
    x += pdfa_extensions(pdfx, pdf_ua);
  }
  x += "</rdf:RDF>\n</x:xmpmeta>\n";
  // Padding lets editors update the packet in place (XMP spec part 1, 7.3.2).
  for (int i = 0; i < 20; ++i) x += std::string(99, ' ') + "\n";
  return x + "<?xpacket end=\"w\"?>";
}

}  // namespace galley::pdf
