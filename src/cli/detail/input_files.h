// The files a build reads, so `galley watch` and `galley serve` notice when
// any of them changes.
#pragma once
#include <set>
#include <string>

#include "model/document.h"
#include "model/layout.h"

namespace galley::cli {

// Absolute, lexically normal paths of the two descriptors and of every
// image, font, profile, data file and Markdown file they name, images
// inside text (`![alt](file)`) included when both models are given (the
// document is resolved for them). Either model may be null (it did not
// load): its descriptor is listed, what it names is not.
std::set<std::string> input_files(const std::string& content_path, const std::string& layout_path,
                                  const model::Document* doc, const model::Layout* layout);

}  // namespace galley::cli
