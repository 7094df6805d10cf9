package io.registry.api.http;

import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.http.netty.channel.ChannelPipelineCustomizer;
import io.micronaut.http.server.netty.NettyServerCustomizer;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.http.HttpRequest;
import jakarta.inject.Singleton;

/**
 * Puts {@link ContextUrls}' rewrite in front of Micronaut's routing: a Netty handler just before
 * {@code micronaut-inbound-handler} in every HTTP/1.x connection's pipeline changes the request target of
 * {@code /contexts/…} requests (Micronaut's own filters run after the route is chosen, too late for this).
 * Any other request costs one {@code startsWith} on the target. A context name Confluent refuses is sent to
 * {@link InvalidContextController}, which answers Confluent's 400.
 */
@Singleton
public class ContextUrlPipeline implements BeanCreatedEventListener<NettyServerCustomizer.Registry> {
    static final String HANDLER_NAME = "registry-context-urls";
    /** Where a request naming an invalid context is routed (never a Confluent path). */
    public static final String INVALID_CONTEXT_PATH = "/_registry/invalid-context";

    private static final RewriteHandler HANDLER = new RewriteHandler();

    @Override
    public NettyServerCustomizer.Registry onCreated(BeanCreatedEvent<NettyServerCustomizer.Registry> event) {
        NettyServerCustomizer.Registry registry = event.getBean();
        registry.register(new Customizer(null));
        return registry;
    }

    /** Specialized per connection; adds the handler once the connection's HTTP pipeline is built. */
    private record Customizer(Channel channel) implements NettyServerCustomizer {
        @Override
        public NettyServerCustomizer specializeForChannel(Channel channel, ChannelRole role) {
            return new Customizer(channel);
        }

        @Override
        public void onStreamPipelineBuilt() {
            if (channel == null) {
                return;
            }
            ChannelPipeline pipeline = channel.pipeline();
            if (pipeline.get(HANDLER_NAME) == null
                    && pipeline.get(ChannelPipelineCustomizer.HANDLER_MICRONAUT_INBOUND) != null) {
                pipeline.addBefore(ChannelPipelineCustomizer.HANDLER_MICRONAUT_INBOUND, HANDLER_NAME, HANDLER);
            }
        }
    }

    /** Stateless, so one instance serves every connection. */
    @ChannelHandler.Sharable
    static final class RewriteHandler extends ChannelInboundHandlerAdapter {
        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            if (msg instanceof HttpRequest request) {
                String uri = request.uri();
                if (ContextUrls.applies(uri)) {
                    request.setUri(rewritten(request.method().name(), uri));
                }
            }
            ctx.fireChannelRead(msg);
        }
    }

    static String rewritten(String method, String uri) {
        try {
            return ContextUrls.rewrite(method, uri);
        } catch (IllegalArgumentException e) {
            return INVALID_CONTEXT_PATH;
        }
    }
}
