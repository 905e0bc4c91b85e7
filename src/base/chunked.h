// A sequence read by index like a vector, held in chunks of kChunk
// elements so that its front can be let go while the rest is still read.
// A long report's blocks are placed in order, and layout frees each chunk
// it has left behind (layout/measure.cpp): one vector would keep every
// block's shell, 448 bytes each, until the report's last page, when the
// pages' own records are largest.
#pragma once
#include <algorithm>
#include <cstddef>
#include <initializer_list>
#include <iterator>
#include <stdexcept>
#include <type_traits>
#include <utility>
#include <vector>

namespace galley::base {

template <class T, size_t kChunk = 64>
class Chunked {
  static_assert(kChunk > 0 && (kChunk & (kChunk - 1)) == 0, "a chunk's size is a power of two");

  template <bool kConst>
  class Iter {
    using Owner = std::conditional_t<kConst, const Chunked, Chunked>;

   public:
    using iterator_category = std::forward_iterator_tag;
    using value_type = T;
    using difference_type = std::ptrdiff_t;
    using pointer = std::conditional_t<kConst, const T*, T*>;
    using reference = std::conditional_t<kConst, const T&, T&>;

    Iter() = default;
    Iter(Owner* owner, size_t i) : owner_(owner), i_(i) {}
    reference operator*() const { return (*owner_)[i_]; }
    pointer operator->() const { return &(*owner_)[i_]; }
    Iter& operator++() {
      ++i_;
      return *this;
    }
    Iter operator++(int) {
      Iter was = *this;
      ++i_;
      return was;
    }
    bool operator==(const Iter& other) const { return i_ == other.i_; }

   private:
    Owner* owner_ = nullptr;
    size_t i_ = 0;
  };

 public:
  using value_type = T;
  using iterator = Iter<false>;
  using const_iterator = Iter<true>;

  Chunked() = default;
  Chunked(const Chunked&) = default;
  Chunked& operator=(const Chunked&) = default;
  // What is moved from is left empty, not with a size and no chunks.
  Chunked(Chunked&& other) noexcept
      : chunks_(std::move(other.chunks_)),
        size_(std::exchange(other.size_, 0)),
        dropped_(std::exchange(other.dropped_, 0)),
        planned_(std::exchange(other.planned_, 0)) {}
  Chunked& operator=(Chunked&& other) noexcept {
    if (this == &other) return *this;
    chunks_ = std::move(other.chunks_);
    other.chunks_.clear();
    size_ = std::exchange(other.size_, 0);
    dropped_ = std::exchange(other.dropped_, 0);
    planned_ = std::exchange(other.planned_, 0);
    return *this;
  }
  Chunked(std::initializer_list<T> items) {
    reserve(items.size());
    for (const T& item : items) push_back(item);
  }
  Chunked(std::vector<T>&& items) {
    reserve(items.size());
    for (T& item : items) push_back(std::move(item));
  }

  size_t size() const { return size_; }
  bool empty() const { return size_ == 0; }

  // Reading an element let go (drop_before()) is undefined.
  T& operator[](size_t i) { return chunks_[i / kChunk][i % kChunk]; }
  const T& operator[](size_t i) const { return chunks_[i / kChunk][i % kChunk]; }
  T& at(size_t i) { return const_cast<T&>(std::as_const(*this).at(i)); }
  const T& at(size_t i) const {
    if (i >= size_ || i < dropped_) throw std::out_of_range("Chunked::at");
    return (*this)[i];
  }
  T& back() { return (*this)[size_ - 1]; }
  const T& back() const { return (*this)[size_ - 1]; }

  // From the first element not let go.
  iterator begin() { return {this, dropped_}; }
  iterator end() { return {this, size_}; }
  const_iterator begin() const { return {this, dropped_}; }
  const_iterator end() const { return {this, size_}; }

  // Room for `n` elements in all: each chunk is then made at its final
  // size (a short flow's one chunk holds exactly its blocks).
  void reserve(size_t n) {
    planned_ = std::max(planned_, n);
    chunks_.reserve((n + kChunk - 1) / kChunk);
  }

  void push_back(const T& item) { emplace_back(item); }
  void push_back(T&& item) { emplace_back(std::move(item)); }
  template <class... Args>
  T& emplace_back(Args&&... args) {
    if (size_ == chunks_.size() * kChunk) {  // the last chunk is full, or there is none
      chunks_.emplace_back();
      // Unplanned, a first chunk grows as a vector does (a flow of three
      // blocks takes three), a later one is made whole.
      if (planned_ > size_) chunks_.back().reserve(std::min(kChunk, planned_ - size_));
      else if (size_ > 0) chunks_.back().reserve(kChunk);
    }
    T& item = chunks_.back().emplace_back(std::forward<Args>(args)...);
    ++size_;
    return item;
  }

  // Lets go of every element before `n`: the chunks that hold only such
  // elements are freed, the others' are replaced by T{} (freeing what they
  // own). Indices do not move; from here on only those from `n` are read.
  void drop_before(size_t n) {
    n = std::min(n, size_);
    while (dropped_ < n) {
      const size_t end = (dropped_ / kChunk + 1) * kChunk;
      if (end <= n) {
        std::vector<T>().swap(chunks_[dropped_ / kChunk]);
        dropped_ = end;
      } else {
        for (; dropped_ < n; ++dropped_) (*this)[dropped_] = T{};
      }
    }
  }
  // The first element not let go.
  size_t dropped() const { return dropped_; }

 private:
  std::vector<std::vector<T>> chunks_;
  size_t size_ = 0;
  size_t dropped_ = 0;
  size_t planned_ = 0;  // reserve()'s largest count
};

}  // namespace galley::base
