// base/figures.h: a build's timers and counters reach the Figures installed
// for it, on its thread, and nothing else.
#include <doctest/doctest.h>

#include <thread>

#include "base/figures.h"

using namespace galley::base;

namespace {
struct Pair {
  int a = 0, b = 0;
  void add(const Pair& o) {
    a += o.a;
    b += o.b;
  }
};
}  // namespace

TEST_CASE("figures record only inside their scope") {
  Figures figures;
  count("events", 5);  // no Figures installed: dropped
  {
    FiguresScope recording(&figures);
    count("events", 2);
    count("events");
    add_figures(Pair{1, 2});
    add_figures(Pair{10, 20});
    { ScopedTimer timer("stage"); }
  }
  count("events", 7);
  CHECK(figures.count("events") == 3);
  CHECK(figures.count("other") == 0);
  CHECK(figures.get<Pair>().a == 11);
  CHECK(figures.get<Pair>().b == 22);
  CHECK(figures.seconds("stage") >= 0);
  CHECK(current_figures() == nullptr);
}

TEST_CASE("a nested scope records into its own figures, then the outer ones again") {
  Figures outer, inner;
  FiguresScope a(&outer);
  {
    FiguresScope b(&inner);
    count("n");
    {
      FiguresScope off(nullptr);
      count("n");
    }
  }
  count("n", 10);
  CHECK(inner.count("n") == 1);
  CHECK(outer.count("n") == 10);
}

TEST_CASE("another thread records into a build's figures only when it installs them") {
  Figures figures;
  FiguresScope recording(&figures);
  std::thread([] { count("n", 100); }).join();
  std::thread([f = current_figures()] {
    FiguresScope here(f);
    count("n", 1);
  }).join();
  CHECK(figures.count("n") == 1);
}
