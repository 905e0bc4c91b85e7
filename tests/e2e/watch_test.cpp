// `galley watch`: rebuilds when a file the build read changes, keeps the
// last good PDF through a broken save, and stops cleanly on Ctrl-C.
#include <doctest/doctest.h>

#include <signal.h>

#include <chrono>
#include <filesystem>
#include <thread>

#include "harness.h"

using namespace e2e;
namespace fs = std::filesystem;

namespace {

// Waits (up to a generous 30 s, for a loaded machine) until `file` holds
// `word` `times` times; returns the seconds it took, or -1.
double wait_for(const std::string& file, const std::string& word, int times) {
  const auto start = std::chrono::steady_clock::now();
  while (std::chrono::steady_clock::now() - start < std::chrono::seconds(30)) {
    if (fs::exists(file) && occurrences(read_file(file), word) >= times)
      return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  return -1;
}

// Starts `galley watch content.yaml -o out.pdf` in `dir` (stderr in
// watch.err, exit code in watch.rc); its pid once it has written the PDF
// a first time, or -1.
int start_watch(const std::string& dir) {
  Run started = sh("cd " + quote(dir) + " && ( sh -c 'echo $$ > watch.pid; exec " + quote(GALLEY_BINARY) +
                   " watch content.yaml -o out.pdf' 2> watch.err; echo $? > watch.rc ) > /dev/null 2>&1 < /dev/null & true");
  if (started.exit_code != 0 || wait_for(dir + "/watch.err", "galley watch: wrote out.pdf", 1) < 0) return -1;
  return std::stoi(read_file(dir + "/watch.pid"));
}

}  // namespace

TEST_CASE("galley watch rebuilds on a touched image, survives a broken save, and stops on Ctrl-C") {
  const std::string dir = temp_dir();
  fs::copy_file(std::string(GALLEY_SOURCE_DIR) + "/content/images/cover.png", dir + "/pic.png");
  write_minimal_pair(dir, "    - image: {src: pic.png, alt: A picture}\n");
  const std::string err = dir + "/watch.err";
  const int pid = start_watch(dir);
  REQUIRE(pid > 0);

  fs::last_write_time(dir + "/pic.png", fs::file_time_type::clock::now());
  const double rebuilt = wait_for(err, "galley watch: wrote out.pdf", 2);
  MESSAGE("rebuild after touching the image: " << rebuilt << " s (build included)");
  INFO(read_file(err));
  CHECK(rebuilt >= 0);
  CHECK(rebuilt < 10);
  const std::string good = read_file(dir + "/out.pdf");

  const std::string content = read_file(dir + "/content.yaml");
  write_file(dir + "/content.yaml", content + "    - paragraph: [unclosed\n");
  CHECK(wait_for(err, "build failed; out.pdf is unchanged", 1) >= 0);
  CHECK(read_file(dir + "/out.pdf") == good);
  CHECK(read_file(err).find("content.yaml:10:1: error: malformed YAML") != std::string::npos);

  write_file(dir + "/content.yaml", content + "    - paragraph: Fixed again.\n");
  CHECK(wait_for(err, "galley watch: wrote out.pdf", 3) >= 0);
  CHECK(pdf_text(dir + "/out.pdf").find("Fixed again.") != std::string::npos);

  kill(pid, SIGINT);
  CHECK(wait_for(dir + "/watch.rc", "0", 1) >= 0);
  CHECK(read_file(err).find("galley watch: stopped") != std::string::npos);
}

TEST_CASE("galley watch rebuilds when an image inside text changes, in the content and in a Markdown chapter") {
  const std::string dir = temp_dir();
  const std::string png = std::string(GALLEY_SOURCE_DIR) + "/content/images/cover.png";
  fs::copy_file(png, dir + "/icon.png");
  fs::create_directories(dir + "/chapters");
  fs::copy_file(png, dir + "/chapters/badge.png");
  write_file(dir + "/chapters/one.md", "Earned ![a badge](badge.png) twice.\n");
  write_minimal_pair(dir,
                     "    - paragraph: \"Call ![phone](icon.png) now.\"\n"
                     "    - markdown: {file: chapters/one.md}\n");
  const std::string err = dir + "/watch.err";
  const int pid = start_watch(dir);
  REQUIRE(pid > 0);

  fs::last_write_time(dir + "/icon.png", fs::file_time_type::clock::now());
  const double in_text = wait_for(err, "galley watch: wrote out.pdf", 2);
  fs::last_write_time(dir + "/chapters/badge.png", fs::file_time_type::clock::now());
  const double in_chapter = wait_for(err, "galley watch: wrote out.pdf", 3);
  MESSAGE("rebuild after touching an image inside text: " << in_text << " s, in a Markdown chapter: " << in_chapter
                                                          << " s (build included)");
  CHECK(in_text >= 0);
  CHECK(in_chapter >= 0);
  INFO(read_file(err));

  kill(pid, SIGINT);
  CHECK(wait_for(dir + "/watch.rc", "0", 1) >= 0);
}
