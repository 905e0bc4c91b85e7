#include "print/impose.h"
#include "print/sheets.h"

#include <qpdf/Buffer.hh>
#include <qpdf/QPDFWriter.hh>

#include <exception>

namespace galley::print {
namespace {

// Page labels, named destinations and an open action would point at reader
// pages that are no longer pages; the outline was moved onto the sheets
// (docs/imposition.md).
void drop_navigation(QPDF& pdf) {
  auto root = pdf.getRoot();
  for (const char* key : {"/PageLabels", "/Names", "/Dests", "/OpenAction", "/StructTreeRoot", "/AcroForm"}) {
    root.removeKey(key);
  }
}

std::string write(QPDF& pdf) {
  QPDFWriter writer(pdf);
  writer.setOutputMemory();
  writer.setCompressStreams(true);
  // /ID from an MD5 of the content instead of the clock: reproducible bytes.
  writer.setDeterministicID(true);
  writer.write();
  auto buffer = writer.getBufferSharedPointer();
  return std::string(reinterpret_cast<const char*>(buffer->getBuffer()), buffer->getSize());
}

}  // namespace

std::optional<std::string> impose(const std::string& pdf, Imposition kind, Diagnostics& diags) {
  return impose(pdf, kind, ImposeOptions{}, diags);
}

std::optional<std::string> impose(const std::string& pdf, Imposition kind, const ImposeOptions& options,
                                  Diagnostics& diags) {
  if (kind == Imposition::None) return pdf;
  const SourceLoc where = !options.where.file.empty() ? options.where
                          : SourceLoc{kind == Imposition::Booklet ? "--impose booklet" : "--impose trifold", 0, 0};
  try {
    QPDF doc;
    doc.setSuppressWarnings(true);
    doc.processMemoryFile("reader.pdf", pdf.data(), pdf.size());
    const bool ok = kind == Imposition::Booklet ? detail::impose_booklet(doc, diags, where)
                                                : detail::impose_trifold(doc, options, diags, where);
    if (!ok) return std::nullopt;
    if (kind == Imposition::Booklet) drop_navigation(doc);
    return write(doc);
  } catch (const std::exception& e) {
    diags.error(where, std::string("cannot impose the PDF: ") + e.what());
    return std::nullopt;
  }
}

}  // namespace galley::print
