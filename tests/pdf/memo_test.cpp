// The process-wide memos of the PDF stage: what they keep, what they never
// keep (failures, files that may still change), and that a kept result is
// the bytes a fresh computation gives.
#include <doctest/doctest.h>

#include <atomic>
#include <chrono>
#include <filesystem>
#include <thread>

#include "base/memo.h"
#include "image/image.h"
#include "detail/font_program.h"
#include "detail/font_streams.h"
#include "detail/hpdf_objects.h"
#include "detail/image_encoding.h"
#include "read_back.h"
#include "shape_helper.h"

using namespace galley;
using namespace galley::testpdf;

namespace {

struct Text {
  std::string s;
  size_t bytes() const { return s.size(); }
};

std::shared_ptr<const Text> text_of(std::string s) { return std::make_shared<const Text>(Text{std::move(s)}); }

std::string sample_image(const std::string& name) {
  return std::string(GALLEY_SOURCE_DIR) + "/content/images/" + name;
}

}  // namespace

TEST_CASE("a memo computes a key once and keeps no failure") {
  base::Memo<Text> memo(1 << 20);
  int calls = 0;
  auto a = memo.get("a", [&] { ++calls; return text_of("A"); });
  auto again = memo.get("a", [&] { ++calls; return text_of("other"); });
  CHECK(calls == 1);
  CHECK(again == a);

  calls = 0;
  CHECK_FALSE(memo.get("bad", [&] { ++calls; return std::shared_ptr<const Text>(); }));
  CHECK_FALSE(memo.get("bad", [&] { ++calls; return std::shared_ptr<const Text>(); }));
  CHECK(calls == 2);
}

TEST_CASE("a memo keeps nothing larger than its budget and drops old results when full") {
  base::Memo<Text> memo(64);
  int calls = 0;
  auto big = [&] { ++calls; return text_of(std::string(100, 'x')); };
  memo.get("big", big);
  memo.get("big", big);
  CHECK(calls == 2);

  calls = 0;
  auto small = [&] { ++calls; return text_of(std::string(20, 'y')); };
  memo.get("one", small);
  memo.get("two", small);
  memo.get("three", small);  // over budget: the others go
  memo.get("three", small);
  CHECK(calls == 3);
  memo.get("one", small);
  CHECK(calls == 4);
}

TEST_CASE("a caller asking for a key being computed waits for that result") {
  base::Memo<Text> memo(1 << 20);
  std::atomic<int> calls{0};
  std::atomic<bool> started{false};
  std::shared_ptr<const Text> first, second;
  std::thread slow([&] {
    first = memo.get("k", [&] {
      ++calls;
      started = true;
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
      return text_of("slow");
    });
  });
  while (!started) std::this_thread::yield();
  second = memo.get("k", [&] { ++calls; return text_of("fast"); });
  slow.join();
  CHECK(calls == 1);
  CHECK(second == first);
  CHECK(second->s == "slow");
}

TEST_CASE("a waiter on a failed computation computes again, to report its own errors") {
  base::Memo<Text> memo(1 << 20);
  std::atomic<bool> started{false};
  std::thread failing([&] {
    memo.get("k", [&] {
      started = true;
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
      return std::shared_ptr<const Text>();
    });
  });
  while (!started) std::this_thread::yield();
  bool own = false;
  auto r = memo.get("k", [&] { own = true; return std::shared_ptr<const Text>(); });
  failing.join();
  CHECK_FALSE(r);
  CHECK(own);
}

TEST_CASE("an image file is encoded once while it stays the same file") {
  const std::string path = sample_image("care-team.png");
  REQUIRE(image::file_stamp(path));
  Diagnostics d;
  auto a = pdf::encoded_image(path, d, {});
  auto b = pdf::encoded_image(path, d, {});
  REQUIRE(a);
  CHECK(b == a);
  CHECK(a->info.width == 1050);
  CHECK(a->compress == pdf::hpdf::Compress::Deflated);
  CHECK_FALSE(d.has_errors());
}

TEST_CASE("an image file rewritten in place is encoded again") {
  const std::string path = save("rewritten.png", "");
  std::filesystem::copy_file(sample_image("care-team.png"), path,
                             std::filesystem::copy_options::overwrite_existing);
  Diagnostics d;
  auto before = pdf::encoded_image(path, d, {});
  REQUIRE(before);
  CHECK(before->info.width == 1050);
  std::filesystem::copy_file(sample_image("cover.png"), path,
                             std::filesystem::copy_options::overwrite_existing);
  auto after = pdf::encoded_image(path, d, {});
  REQUIRE(after);
  CHECK(after->info.width == 2700);
  CHECK_FALSE(d.has_errors());
}

TEST_CASE("a file changed in the last seconds has no stamp, so nothing derived from it is kept") {
  const std::string path = save("fresh.txt", "just written");
  CHECK_FALSE(image::file_stamp(path));
  CHECK_FALSE(image::file_stamp(path + ".missing"));
}

TEST_CASE("a broken image is reported by every caller, not only the first") {
  const std::string path = save("broken.png", "\x89PNG\r\n\x1a\n truncated");
  for (int i = 0; i < 2; ++i) {
    Diagnostics d;
    CHECK_FALSE(pdf::encoded_image(path, d, {}));
    CHECK(d.error_count() == 1);
  }
}

TEST_CASE("kept font subsets are the bytes of a fresh subset, one per glyph set") {
  Diagnostics d;
  const std::string font = font_path("NotoSans-Regular.ttf");
  auto program = pdf::FontProgram::load(font, 0, d, {});
  REQUIRE(program);
  const auto stamp = image::file_stamp(font);
  REQUIRE(stamp);
  const std::string file = font + "\n0\n" + *stamp;
  const std::set<uint32_t> abc{36, 37, 38}, abd{36, 37, 39};
  auto first = pdf::subset_program(*program, file, abc);
  auto kept = pdf::subset_program(*program, file, abc);
  auto other = pdf::subset_program(*program, file, abd);
  REQUIRE(first);
  REQUIRE(other);
  CHECK(kept == first);
  CHECK(other != first);
  for (const auto& [gids, subset] : {std::pair{abc, first}, std::pair{abd, other}}) {
    auto fresh = program->subset(gids);
    REQUIRE(fresh);
    CHECK(subset->length == fresh->size());
    CHECK(subset->deflated == *pdf::hpdf::deflate(*fresh, pdf::hpdf::Compress::Flate));
  }
}
