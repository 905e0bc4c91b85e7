// Reading written PDFs back in tests: qpdf for structure, poppler-utils for
// what a reader sees (text, fonts, boxes).
#pragma once
#include <string>

#ifndef POINTERHOLDER_TRANSITION
#define POINTERHOLDER_TRANSITION 4  // qpdf 11: use std::shared_ptr
#endif
#include <qpdf/QPDF.hh>

namespace galley::testpdf {

// Parses `bytes` with libqpdf (throws on a broken file).
std::shared_ptr<QPDF> open(const std::string& bytes);

// Writes `bytes` to a temporary file named after `name` and returns the path.
std::string save(const std::string& name, const std::string& bytes);

// Runs a shell command and returns its stdout (stderr appended when `merge`).
std::string run(const std::string& command, bool merge = false);

// The decoded content stream of page `index`.
std::string page_content(QPDF& pdf, int index);

}  // namespace galley::testpdf
