// `--jobs` sets how many threads measure a document's blocks ahead of
// pagination; the PDF is the same bytes whatever it is.
#include <doctest/doctest.h>

#include <string>

#include "harness.h"

using namespace e2e;

namespace {

std::string build_jobs(const std::string& args, const std::string& out, int jobs) {
  Run r = e2e::galley("build " + args + " -o " + quote(out) + " --jobs " + std::to_string(jobs));
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  return read_file(out);
}

}  // namespace

TEST_CASE("one thread and several give byte-identical PDFs: the samples and a long report") {
  const std::string dir = temp_dir();
  // The sample brochure's body forty times over (bench/make-workloads.py):
  // about seventy pages of two columns, headings, lists, callouts, images.
  Run made = sh("python3 bench/make-workloads.py " + quote(dir) + " 40");
  INFO(made.err);
  REQUIRE(made.exit_code == 0);
  for (const std::string& args : {std::string("content/mayo-ir-residency.yaml"),
                                 std::string("content/mayo-ir-residency.yaml --layout layouts/trifold-letter.yaml"),
                                 std::string("content/mayo-ir-residency.yaml --layout layouts/handout-a4.yaml"),
                                 quote(dir + "/long-40.yaml")}) {
    INFO(args);
    const std::string one = build_jobs(args, dir + "/one.pdf", 1);
    CHECK(pdf_pages(dir + "/one.pdf") >= 1);
    for (int jobs : {2, 4}) CHECK(build_jobs(args, dir + "/many.pdf", jobs) == one);
  }
  CHECK(pdf_pages(dir + "/one.pdf") > 60);
}

// A build hands its display list to the PDF writer, which frees each page's
// drawing once written, and the last layout pass frees the blocks it has
// placed; `--dump-layout` keeps the list and writes from it unchanged. Both
// must give the same bytes, the master text filled in after the last pass
// (folios, running heads) included.
TEST_CASE("a build that frees as it goes gives the bytes of one that keeps its display list") {
  const std::string dir = temp_dir();
  Run made = sh("python3 bench/make-workloads.py " + quote(dir) + " 40");
  INFO(made.err);
  REQUIRE(made.exit_code == 0);
  for (const std::string& args : {std::string("content/mayo-ir-residency.yaml"), quote(dir + "/long-40.yaml")}) {
    INFO(args);
    const std::string freed = build_jobs(args, dir + "/freed.pdf", 2);
    const std::string kept = build_jobs(args + " --dump-layout " + quote(dir + "/layout.json"), dir + "/kept.pdf", 2);
    CHECK(freed == kept);
    CHECK(read_file(dir + "/layout.json").find("\"pages\"") != std::string::npos);
  }
  const int pages = pdf_pages(dir + "/freed.pdf");
  REQUIRE(pages > 60);
  // The last inside page's folio (the back page has none), set after the
  // last pass, is its number.
  const std::string last = std::to_string(pages - 1);
  Run text = sh("pdftotext -f " + last + " -l " + last + " " + quote(dir + "/freed.pdf") + " -");
  CHECK(text.out.find("\u00b7 " + last) != std::string::npos);
}
