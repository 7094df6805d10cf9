package io.registry.core.schema.json;

import java.util.Arrays;
import java.util.List;

/**
 * Maximum matching between writer subschemas (left) and reader subschemas (right) over the compatible pairs
 * (Kuhn's augmenting paths; unions are small). Each writer branch must be read by a different reader branch.
 */
final class BipartiteMatching {
    private BipartiteMatching() {
    }

    /**
     * @param edges edges.get(i) lists the right-hand indexes left index i may be matched with
     * @return for each right index, the left index matched to it, or -1
     */
    static int[] match(List<List<Integer>> edges, int rightSize) {
        int[] matchOfRight = new int[rightSize];
        Arrays.fill(matchOfRight, -1);
        for (int left = 0; left < edges.size(); left++) {
            augment(left, edges, matchOfRight, new boolean[rightSize]);
        }
        return matchOfRight;
    }

    private static boolean augment(int left, List<List<Integer>> edges, int[] matchOfRight, boolean[] visited) {
        for (int right : edges.get(left)) {
            if (visited[right]) {
                continue;
            }
            visited[right] = true;
            if (matchOfRight[right] < 0 || augment(matchOfRight[right], edges, matchOfRight, visited)) {
                matchOfRight[right] = left;
                return true;
            }
        }
        return false;
    }
}
