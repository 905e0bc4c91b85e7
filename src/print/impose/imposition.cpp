#include "print/impose/booklet.h"  // first: sets qpdf options
#include "print/impose/trifold.h"
#include "print/detail/impose_module.h"

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

// A press sheet is not tagged (its pages are forms placed on sheets; the
// marked content stays inside them, unreferenced): it no longer claims to
// be, nor to meet PDF/UA or PDF/A, whose XMP entries galley writes as
// rdf:Description blocks of their own (pdf/metadata.cpp).
void drop_tags(QPDF& pdf) {
  auto root = pdf.getRoot();
  root.removeKey("/MarkInfo");
  auto meta = root.getKey("/Metadata");
  if (!meta.isStream()) return;
  auto buffer = meta.getStreamData(qpdf_dl_generalized);
  std::string xmp(reinterpret_cast<const char*>(buffer->getBuffer()), buffer->getSize());
  bool changed = false;
  for (const char* ns : {"xmlns:pdfuaid=", "xmlns:pdfaid=", "xmlns:pdfaExtension="}) {
    const size_t at = xmp.find(ns);
    if (at == std::string::npos) continue;
    const size_t begin = xmp.rfind("<rdf:Description", at);
    const std::string close = "</rdf:Description>\n";
    const size_t end = xmp.find(close, at);
    if (begin == std::string::npos || end == std::string::npos) continue;
    // Spaces keep the packet's length, so its padding still fits.
    xmp.replace(begin, end + close.size() - begin, std::string(end + close.size() - begin, ' '));
    changed = true;
  }
  if (changed) meta.replaceStreamData(xmp, QPDFObjectHandle::newNull(), QPDFObjectHandle::newNull());
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

std::optional<std::string> impose_with_qpdf(const std::string& pdf, Imposition kind, const ImposeOptions& options,
                                            Diagnostics& diags) {
  const SourceLoc where = impose_location(kind, options);
  try {
    QPDF doc;
    doc.setSuppressWarnings(true);
    doc.processMemoryFile("reader.pdf", pdf.data(), pdf.size());
    const bool ok = kind == Imposition::Booklet ? detail::impose_booklet(doc, diags, where)
                                                : detail::impose_trifold(doc, options, diags, where);
    if (!ok) return std::nullopt;
    if (kind == Imposition::Booklet) drop_navigation(doc), drop_tags(doc);
    return write(doc);
  } catch (const std::exception& e) {
    diags.error(where, std::string("cannot impose the PDF: ") + e.what());
    return std::nullopt;
  }
}

}  // namespace
}  // namespace galley::print

extern "C" __attribute__((visibility("default"))) const void* galley_impose_module() {
  static const galley::print::ImposeModule module{galley::print::kImposeModuleAbi,
                                                  &galley::print::impose_with_qpdf};
  return &module;
}
