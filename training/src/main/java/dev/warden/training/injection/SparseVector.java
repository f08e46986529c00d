package dev.warden.training.injection;

import dev.warden.policies.injection.model.Featurizer;
import java.util.Arrays;

/**
 * One text as the model sees it in training: distinct buckets, sorted, each with its count divided
 * by the text's total feature count or its square root (the normalisation {@code InjectionModel}
 * applies to a window).
 */
public record SparseVector(int[] buckets, float[] values) {

  public static SparseVector of(Featurizer featurizer, CharSequence text) {
    Collector collector = new Collector();
    featurizer.featurize(text, collector);
    int[] all = Arrays.copyOf(collector.buckets, collector.size);
    Arrays.sort(all);
    int distinct = 0;
    for (int i = 0; i < all.length; i++) {
      if (i == 0 || all[i] != all[i - 1]) {
        distinct++;
      }
    }
    int[] buckets = new int[distinct];
    float[] values = new float[distinct];
    float unit = all.length == 0 ? 0
        : (float) (featurizer.spec().meanNorm() ? 1.0 / all.length : 1 / Math.sqrt(all.length));
    int k = -1;
    for (int i = 0; i < all.length; i++) {
      if (i == 0 || all[i] != all[i - 1]) {
        buckets[++k] = all[i];
      }
      values[k] += unit;
    }
    return new SparseVector(buckets, values);
  }

  private static final class Collector implements Featurizer.Sink {
    int[] buckets = new int[1024];
    int size;

    @Override
    public void feature(int bucket) {
      if (size == buckets.length) {
        buckets = Arrays.copyOf(buckets, size * 2);
      }
      buckets[size++] = bucket;
    }

    @Override
    public void tokenEnd() {}
  }
}
