// Colour operators in a content stream, read with qpdf's tokenizer so
// strings, inline images and comments are never mistaken for operators.
#ifndef POINTERHOLDER_TRANSITION
#define POINTERHOLDER_TRANSITION 4  // qpdf 11: std::shared_ptr, no PointerHolder
#endif
#include <qpdf/BufferInputSource.hh>
#include <qpdf/QPDFTokenizer.hh>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>

#include "pdf_graph.h"

namespace galley::image {
namespace {

struct Spaces {
  bool fill_rgb = false, stroke_rgb = false;
};

bool is_number(const QPDFTokenizer::Token& t) {
  return t.getType() == QPDFTokenizer::tt_integer || t.getType() == QPDFTokenizer::tt_real;
}

bool ignorable(const QPDFTokenizer::Token& t) {
  return t.getType() == QPDFTokenizer::tt_space || t.getType() == QPDFTokenizer::tt_comment;
}

// Three numeric operands and nothing else (a pattern name would make it a
// pattern colour): 0xRRGGBB.
std::optional<uint32_t> rgb_operands(const std::vector<QPDFTokenizer::Token>& operands) {
  std::vector<double> v;
  for (const auto& t : operands) {
    if (ignorable(t)) continue;
    if (!is_number(t)) return std::nullopt;
    v.push_back(std::strtod(t.getValue().c_str(), nullptr));
  }
  if (v.size() != 3) return std::nullopt;
  uint32_t rgb = 0;
  for (double c : v) rgb = rgb << 8 | static_cast<uint32_t>(std::lround(std::clamp(c, 0.0, 1.0) * 255));
  return rgb;
}

std::string last_name(const std::vector<QPDFTokenizer::Token>& operands) {
  for (auto it = operands.rbegin(); it != operands.rend(); ++it)
    if (it->getType() == QPDFTokenizer::tt_name) return it->getValue().substr(1);
  return {};
}

}  // namespace

std::optional<std::string> rewrite_colors(std::string_view content, const RgbSpace& rgb_space,
                                          const Recolor& recolor, std::string& error) {
  auto input = std::make_shared<BufferInputSource>("content stream", std::string(content));
  QPDFTokenizer tokenizer;
  tokenizer.allowEOF();
  tokenizer.includeIgnorable();
  std::string out;
  out.reserve(content.size());
  std::vector<QPDFTokenizer::Token> operands;
  std::vector<Spaces> saved;
  Spaces now;
  auto flush = [&](const QPDFTokenizer::Token* op) {
    for (const auto& t : operands) out += t.getRawValue();
    if (op) out += op->getRawValue();
    operands.clear();
  };
  try {
    for (;;) {
      QPDFTokenizer::Token t = tokenizer.readToken(input, "content stream", true);
      const auto type = t.getType();
      if (type == QPDFTokenizer::tt_eof) break;
      if (type == QPDFTokenizer::tt_bad) {
        error = "a content stream does not parse: " + t.getErrorMessage();
        return std::nullopt;
      }
      if (type != QPDFTokenizer::tt_word) {
        operands.push_back(std::move(t));
        continue;
      }
      const std::string op = t.getValue();
      std::optional<std::string> replaced;
      if (op == "q") {
        saved.push_back(now);
      } else if (op == "Q") {
        if (!saved.empty()) now = saved.back(), saved.pop_back();
      } else if (op == "rg" || op == "RG") {
        const bool stroke = op == "RG";
        (stroke ? now.stroke_rgb : now.fill_rgb) = true;
        if (auto rgb = rgb_operands(operands)) replaced = recolor(*rgb, stroke);
      } else if (op == "g" || op == "k" || op == "G" || op == "K") {
        (op == "G" || op == "K" ? now.stroke_rgb : now.fill_rgb) = false;
      } else if (op == "cs" || op == "CS") {
        (op == "CS" ? now.stroke_rgb : now.fill_rgb) = rgb_space(last_name(operands));
      } else if (op == "sc" || op == "scn" || op == "SC" || op == "SCN") {
        const bool stroke = op == "SC" || op == "SCN";
        if (stroke ? now.stroke_rgb : now.fill_rgb)
          if (auto rgb = rgb_operands(operands)) replaced = recolor(*rgb, stroke);
      } else if (op == "ID") {
        // The image data up to EI is not tokens.
        flush(&t);
        char after = 0;  // the one white-space byte ending ID belongs to it
        if (input->read(&after, 1) == 1) out += after;
        tokenizer.expectInlineImage(input);
        QPDFTokenizer::Token data = tokenizer.readToken(input, "content stream", true);
        if (data.getType() != QPDFTokenizer::tt_inline_image) {
          error = "a content stream has an inline image without EI";
          return std::nullopt;
        }
        out += data.getRawValue();
        continue;
      }
      if (replaced) {
        // Keep the space before the operands, so lines stay lines.
        size_t lead = 0;
        while (lead < operands.size() && ignorable(operands[lead])) out += operands[lead++].getRawValue();
        out += *replaced;
        operands.clear();
      } else {
        flush(&t);
      }
    }
  } catch (const std::exception& e) {
    error = std::string("a content stream does not parse: ") + e.what();
    return std::nullopt;
  }
  flush(nullptr);
  return out;
}

}  // namespace galley::image
