#include <doctest/doctest.h>

#include <fstream>
#include <sstream>
#include <string>

#include "detail/hpdf_objects.h"
#include "detail/icc_profiles.h"

using namespace galley::pdf;

// The streams built into galley are what the run-time path would write:
// the same PDF bytes whether galley makes a profile or takes it built in.
TEST_CASE("the precompiled ICC streams are the profiles galley makes, deflated as the writer does") {
  const auto cmyk = make_cmyk_profile();
  const auto srgb = make_srgb_profile();
  REQUIRE(cmyk);
  REQUIRE(srgb);
  REQUIRE_FALSE(precompiled_cmyk_stream().empty());
  REQUIRE_FALSE(precompiled_srgb_stream().empty());
  CHECK(precompiled_cmyk_stream() == *hpdf::deflate(*cmyk, hpdf::Compress::FlateFast));
  CHECK(precompiled_srgb_stream() == *hpdf::deflate(*srgb, hpdf::Compress::Flate));
  CHECK(precompiled_cmyk_stamp() == profile_stamp(*cmyk));
}

// The samples name color/galley-cmyk.icc: it must be the file that takes the
// precompiled stream (tools/make_cmyk_icc writes it), or every sample build
// checks and deflates it again.
TEST_CASE("color/galley-cmyk.icc is the profile built into galley") {
  std::ifstream in(std::string(GALLEY_SOURCE_DIR) + "/color/galley-cmyk.icc", std::ios::binary);
  REQUIRE(in.is_open());
  std::stringstream bytes;
  bytes << in.rdbuf();
  CHECK(profile_stamp(bytes.str()) == precompiled_cmyk_stamp());
  CHECK_FALSE(profile_stamp(bytes.str().substr(1)) == precompiled_cmyk_stamp());
}
