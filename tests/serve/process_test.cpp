// The galley-serve process itself: how it sets up glibc's allocator.
#include <doctest/doctest.h>

#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>

#include "server.h"

using serve_test::Server;

namespace {

const std::string kSourceRoot = GALLEY_SOURCE_DIR;

// NUL-separated NAME=VALUE entries of a process's environment.
std::string environment_of(int pid) {
  std::ifstream in("/proc/" + std::to_string(pid) + "/environ", std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

std::string name_of(int pid) {
  std::ifstream in("/proc/" + std::to_string(pid) + "/comm");
  std::string name;
  std::getline(in, name);
  return name;
}

}  // namespace

TEST_CASE("serve: the server runs with glibc's thread cache raised, under its own name") {
  ::unsetenv("GLIBC_TUNABLES");
  Server server({"--config", kSourceRoot + "/content/serve.yaml"});
  REQUIRE(server.up());
  const std::string env = environment_of(server.pid());
  CHECK(env.find(std::string("GLIBC_TUNABLES=glibc.malloc.tcache_count=1000") + '\0') != std::string::npos);
  CHECK(name_of(server.pid()) == "galley-serve");
  auto res = server.client()->Post("/v1/templates/handout/pdf", R"({"recipient": "Dr. Ada Example"})",
                                   "application/json");
  REQUIRE(res);
  CHECK(res->status == 200);
  CHECK(server.stop() == 0);
}

TEST_CASE("serve: a thread cache count the environment sets is kept, and its other tunables too") {
  ::setenv("GLIBC_TUNABLES", "glibc.malloc.tcache_count=20", 1);
  Server kept({"--config", kSourceRoot + "/content/serve.yaml"});
  ::setenv("GLIBC_TUNABLES", "glibc.malloc.arena_max=4", 1);
  Server added({"--config", kSourceRoot + "/content/serve.yaml"});
  ::unsetenv("GLIBC_TUNABLES");
  REQUIRE(kept.up());
  REQUIRE(added.up());
  const std::string kept_env = environment_of(kept.pid());
  CHECK(kept_env.find("GLIBC_TUNABLES=glibc.malloc.tcache_count=20") != std::string::npos);
  CHECK(kept_env.find("tcache_count=1000") == std::string::npos);
  // glibc splits the variable's value at its ':' where the process sees it.
  const std::string added_env = environment_of(added.pid());
  CHECK(added_env.find("GLIBC_TUNABLES=glibc.malloc.arena_max=4") != std::string::npos);
  CHECK(added_env.find("glibc.malloc.tcache_count=1000") != std::string::npos);
}
