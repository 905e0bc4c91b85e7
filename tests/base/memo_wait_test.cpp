// How base::Memo hands a result from the caller that makes it to those
// waiting for it: without a system call when no one waits, and a failure
// (a null result or an exception) computed again by each waiter.
#include <doctest/doctest.h>
#include <linux/filter.h>
#include <linux/seccomp.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <cstddef>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "base/memo.h"

namespace {

struct Number {
  int n;
  size_t bytes() const { return sizeof n; }
};

std::shared_ptr<const Number> number(int n) { return std::make_shared<const Number>(Number{n}); }

// Runs `body` in a child process that any futex(2) call kills; true when it
// made none. nullopt when the kernel refuses the filter.
template <class Body>
std::optional<bool> without_futex(Body body) {
  const pid_t child = ::fork();
  if (child == 0) {
    sock_filter filter[] = {
        BPF_STMT(BPF_LD | BPF_W | BPF_ABS, offsetof(seccomp_data, nr)),
        BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, SYS_futex, 0, 1),
        BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_KILL_PROCESS),
        BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ALLOW),
    };
    sock_fprog program{static_cast<unsigned short>(sizeof filter / sizeof filter[0]), filter};
    if (::prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0 || ::prctl(PR_SET_SECCOMP, SECCOMP_MODE_FILTER, &program) != 0)
      ::_exit(2);
    body();
    ::_exit(0);
  }
  int status = 0;
  if (child < 0 || ::waitpid(child, &status, 0) != child) return std::nullopt;
  if (WIFEXITED(status) && WEXITSTATUS(status) == 2) return std::nullopt;
  return WIFEXITED(status) && WEXITSTATUS(status) == 0;
}

}  // namespace

// The sanitizers' runtimes take locks of their own in the child.
#if !defined(__SANITIZE_ADDRESS__) && !defined(__SANITIZE_THREAD__)
TEST_CASE("a memo's miss and hit make no futex call when no one waits") {
  // A std::promise's set_value() ran std::call_once, whose pthread_once
  // wakes futex waiters every time: 14 calls a handout.
  const auto clean = without_futex([] {
    galley::base::Memo<Number> memo(1 << 20);
    galley::base::Memo<Number> sighted(1 << 20, true, 1 << 10);
    for (int i = 0; i < 3; ++i) {
      if (memo.get("k", [] { return number(1); })->n != 1) ::_exit(3);
      if (sighted.get("k", [] { return number(2); })->n != 2) ::_exit(3);
    }
  });
  if (!clean) {
    MESSAGE("seccomp filters are not available: not checked");
    return;
  }
  CHECK(*clean);
}
#endif

TEST_CASE("a waiter whose maker threw computes the result itself") {
  galley::base::Memo<Number> memo(1 << 20);
  std::atomic<bool> started{false};
  std::thread throwing([&] {
    CHECK_THROWS_AS(memo.get("k",
                             [&]() -> std::shared_ptr<const Number> {
                               started = true;
                               std::this_thread::sleep_for(std::chrono::milliseconds(50));
                               throw std::runtime_error("the maker's own failure");
                             }),
                    std::runtime_error);
  });
  while (!started) std::this_thread::yield();
  std::shared_ptr<const Number> mine;
  CHECK_NOTHROW(mine = memo.get("k", [] { return number(7); }));
  throwing.join();
  REQUIRE(mine);
  CHECK(mine->n == 7);
}

TEST_CASE("many waiters on one key are all given the one result") {
  galley::base::Memo<Number> memo(1 << 20);
  std::atomic<int> made{0};
  std::atomic<bool> go{false};
  std::vector<std::thread> threads;
  std::vector<int> seen(8, 0);
  for (size_t t = 0; t < seen.size(); ++t)
    threads.emplace_back([&, t] {
      while (!go) std::this_thread::yield();
      seen[t] = memo.get("k", [&] {
                      std::this_thread::sleep_for(std::chrono::milliseconds(20));
                      return number(++made);
                    })->n;
    });
  go = true;
  for (auto& t : threads) t.join();
  CHECK(made == 1);
  for (int n : seen) CHECK(n == 1);
}
