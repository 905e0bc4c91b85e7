#include <doctest/doctest.h>

#include <atomic>
#include <chrono>
#include <stdexcept>
#include <thread>
#include <vector>

#include "detail/writer_thread.h"

using galley::cli::WriterThread;

TEST_CASE("the writer thread runs its tasks in the order given, off the calling thread") {
  std::vector<int> order;
  std::thread::id ran_on;
  {
    WriterThread writer(3);
    REQUIRE(writer.running());
    for (int i = 0; i < 100; ++i)
      writer.submit([&order, &ran_on, i] {
        order.push_back(i);
        ran_on = std::this_thread::get_id();
      });
    writer.drain();
    REQUIRE(order.size() == 100);
    for (int i = 0; i < 100; ++i) CHECK(order[static_cast<size_t>(i)] == i);
    CHECK(ran_on != std::this_thread::get_id());
    writer.submit([&order] { order.push_back(100); });
  }  // the destructor runs what is queued
  CHECK(order.size() == 101);
}

TEST_CASE("the writer thread holds no more than its limit of tasks waiting") {
  WriterThread writer(2);
  std::atomic<bool> release{false};
  std::atomic<int> submitted{0};
  writer.submit([&release] {
    while (!release.load()) std::this_thread::sleep_for(std::chrono::milliseconds(1));
  });
  std::thread producer([&] {
    for (int i = 0; i < 5; ++i) {
      writer.submit([] {});
      ++submitted;
    }
  });
  // The first task blocks the thread: two more wait, the third submit waits.
  for (int waited = 0; submitted.load() < 2 && waited < 10000; ++waited)
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  std::this_thread::sleep_for(std::chrono::milliseconds(50));
  CHECK(submitted.load() == 2);
  release = true;
  producer.join();
  writer.drain();
  CHECK(submitted.load() == 5);
}

TEST_CASE("a task's exception comes out of drain(), and later tasks still run") {
  WriterThread writer(4);
  int after = 0;
  writer.submit([] { throw std::runtime_error("disk full"); });
  writer.submit([&after] { after = 1; });
  CHECK_THROWS_WITH_AS(writer.drain(), "disk full", std::runtime_error);
  CHECK(after == 1);
  writer.drain();  // reported once
}

TEST_CASE("an idle writer thread is woken once half its limit of tasks waits, or by drain()") {
  WriterThread writer(8);
  std::this_thread::sleep_for(std::chrono::milliseconds(20));  // the thread is waiting now
  std::atomic<int> ran{0};
  writer.submit([&ran] { ++ran; });
  std::this_thread::sleep_for(std::chrono::milliseconds(50));
  CHECK(ran.load() == 0);  // one page is not worth a wake-up
  for (int i = 0; i < 3; ++i) writer.submit([&ran] { ++ran; });
  for (int waited = 0; ran.load() < 4 && waited < 10000; ++waited)
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  CHECK(ran.load() == 4);
  writer.submit([&ran] { ++ran; });
  writer.drain();
  CHECK(ran.load() == 5);
}
