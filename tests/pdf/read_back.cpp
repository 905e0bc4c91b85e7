#include "read_back.h"  // first: sets qpdf options

#include <cstdio>
#include <filesystem>
#include <fstream>

#include <qpdf/Buffer.hh>
#include <qpdf/QPDFPageDocumentHelper.hh>
#include <qpdf/QPDFPageObjectHelper.hh>

namespace galley::testpdf {

std::shared_ptr<QPDF> open(const std::string& bytes) {
  auto pdf = std::make_shared<QPDF>();
  auto copy = std::make_shared<std::string>(bytes);
  pdf->processMemoryFile("test.pdf", copy->data(), copy->size());
  // QPDF reads lazily from the buffer: keep it alive with the object.
  static std::vector<std::shared_ptr<std::string>> keep;
  keep.push_back(copy);
  return pdf;
}

std::string save(const std::string& name, const std::string& bytes) {
  auto dir = std::filesystem::temp_directory_path() / "galley-pdf-tests";
  std::filesystem::create_directories(dir);
  auto path = (dir / name).string();
  std::ofstream(path, std::ios::binary) << bytes;
  return path;
}

std::string run(const std::string& command, bool merge) {
  std::string full = command + (merge ? " 2>&1" : " 2>/dev/null");
  std::string out;
  FILE* p = popen(full.c_str(), "r");
  if (!p) return out;
  char buf[4096];
  size_t n;
  while ((n = fread(buf, 1, sizeof buf, p)) > 0) out.append(buf, n);
  pclose(p);
  return out;
}

std::string page_content(QPDF& pdf, int index) {
  auto pages = QPDFPageDocumentHelper(pdf).getAllPages();
  auto buffer = pages.at(index).getObjectHandle().getKey("/Contents").getStreamData(qpdf_dl_generalized);
  return std::string(reinterpret_cast<const char*>(buffer->getBuffer()), buffer->getSize());
}

}  // namespace galley::testpdf
