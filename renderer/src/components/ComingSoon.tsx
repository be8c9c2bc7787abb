import { Icon, type IconName } from './icons';

export function ComingSoon({ title, icon, text }: { title: string; icon: IconName; text: string }) {
  return (
    <section className="screen" aria-labelledby="screen-title">
      <h1 id="screen-title">{title}</h1>
      <div className="empty-state">
        <Icon name={icon} size={40} />
        <p className="empty-title">Coming soon</p>
        <p>{text}</p>
      </div>
    </section>
  );
}
